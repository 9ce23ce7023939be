/// The percent-encoding SigV4 prescribes: every byte of the UTF-8 form except the unreserved
/// `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper-case hex). It differs from Foundation's
/// encoders, which leave `$`, `+`, `=` and friends alone, and S3 rejects a signature computed
/// over a differently-encoded path.
enum URIEncoding {
    /// One path segment or one query name or value: `/` is encoded too.
    static func encode(_ text: String) -> String {
        encode(text, keepingSlash: false)
    }

    /// An object key in a path-style URL: `/` separates segments and stays as it is.
    static func encodePath(_ path: String) -> String {
        encode(path, keepingSlash: true)
    }

    private static func encode(_ text: String, keepingSlash: Bool) -> String {
        var encoded = ""
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(hexDigit(byte >> 4))
                encoded.unicodeScalars.append(hexDigit(byte & 0x0F))
            }
        }
        return encoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10)
    }
}
