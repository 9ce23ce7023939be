import Crypto

/// A SHA-256 as the archive names content by: exactly 64 lower-case hex digits. Checked once,
/// where the text comes in (a stored entry, a URL, a manifest line, a command's argument), so
/// everything past that point may use it in paths and keys without checking again.
/// Encodes as the same hex string the catalogue has always stored.
public struct SHA256Hash: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The 64 lower-case hex digits.
    public let hex: String

    /// Nil unless `text` is exactly 64 lower-case hex digits (upper case is refused, not
    /// folded: the archive's keys and paths are case-sensitive).
    public init?(hex text: String) {
        guard Self.isValid(text.utf8) else { return nil }
        hex = text
    }

    /// Accepts only a valid hash; anything else is the caller's error, named with the text.
    public init(validating text: String) throws {
        guard let hash = Self(hex: text) else { throw ArchiveError.unsafeName(text) }
        self = hash
    }

    init(_ digest: SHA256.Digest) {
        self.init(digestBytes: digest)
    }

    /// From the 32 bytes a SHA-256 hasher gives (each written as two lower-case digits).
    public init<Bytes: Sequence<UInt8>>(digestBytes: Bytes) {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digestBytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        precondition(text.count == 64, "a SHA-256 digest is 32 bytes")
        hex = String(decoding: text, as: UTF8.self)
    }

    /// The first two digits: the bucket folder an object, thumbnail or locator shard is under.
    public var bucket: Substring { hex.prefix(2) }

    /// The first 12 digits, as tables and messages show a hash (enough to tell items apart).
    public var abbreviated: String { String(hex.prefix(12)) }

    public var description: String { hex }

    public static func < (left: Self, right: Self) -> Bool { left.hex < right.hex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = Self(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text.prefix(80))\" is not a SHA-256 (64 lower-case hex digits)")
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func isValid(_ bytes: String.UTF8View) -> Bool {
        bytes.count == 64 && bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension Set<SHA256Hash> {
    /// Whether a stored file or key's name is one of these hashes (a name that is no hash is not).
    func contains(named name: String) -> Bool {
        SHA256Hash(hex: name).map(contains) ?? false
    }
}
