import Crypto

/// What a request's signature says about its body (the canonical request's last line and,
/// for S3, the `x-amz-content-sha256` header).
public enum PayloadHash: Sendable, Equatable {
    /// The hex SHA-256 of the exact bytes sent: the store rejects the request
    /// (`XAmzContentSHA256Mismatch`) if a single byte differs on the way.
    case sha256(String)
    /// `UNSIGNED-PAYLOAD`: the body is not covered by the signature. Presigned URLs use it,
    /// since whoever follows the link chooses the body.
    case unsigned

    public static let emptyBody = PayloadHash.sha256(Hex.sha256(of: [UInt8]()))

    public static func of<Bytes: Sequence>(_ body: Bytes) -> PayloadHash where Bytes.Element == UInt8 {
        .sha256(Hex.sha256(of: Array(body)))
    }

    var signedValue: String {
        switch self {
        case .sha256(let hex): hex
        case .unsigned: "UNSIGNED-PAYLOAD"
        }
    }
}

enum Hex {
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func sha256(of bytes: [UInt8]) -> String {
        string(SHA256.hash(data: bytes))
    }
}
