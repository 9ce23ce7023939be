import Foundation

/// `search --json`'s way with schema-3 lines: instead of decoding and encoding each whole entry
/// (most of the time of a large search), the stored line gets the three keys it leaves out —
/// `reasons`, `warnings`, `zh`, worded from its `messages` — put where a sorted encoding puts
/// them. The same `messages` are worded once per search.
///
/// The result is byte for byte what encoding the decoded entry gives, for every line laid out as
/// this tool writes it (compact, keys sorted, `round` and `width` present): `reasons` sorts just
/// before `round`, `warnings` just before `width`, and `zh` last. A line laid out otherwise
/// (`nil`) is decoded by the caller, as before.
struct WordedLines {
    private struct Worded {
        var reasons: Data
        var warnings: Data
        var chinese: Data
    }

    private var known: [Data: Worded] = [:]
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private static let messagesKey = Array("\"messages\":{".utf8)
    private static let roundKey = Array(",\"round\":\"".utf8)
    private static let widthKey = Array(",\"width\":".utf8)

    /// The line as `search --json` shows it, or nil when it is not laid out as expected.
    mutating func shown(_ line: Data) -> Data? {
        let bytes = [UInt8](line)
        guard bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}"),
              let messagesAt = Self.first(Self.messagesKey, in: bytes),
              let messagesEnd = Self.objectEnd(bytes, from: messagesAt + Self.messagesKey.count - 1),
              let round = Self.last(Self.roundKey, in: bytes), round > messagesEnd,
              let width = Self.last(Self.widthKey, in: bytes), width > round,
              // After `width`: its number or null, then the entry's closing brace.
              !bytes[(width + Self.widthKey.count)..<(bytes.count - 1)].contains(where: { [UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "{")].contains($0) }),
              let worded = worded(Data(bytes[(messagesAt + Self.messagesKey.count - 1)...messagesEnd])) else { return nil }
        var shown = Data(capacity: bytes.count + worded.reasons.count + worded.warnings.count + worded.chinese.count + 32)
        shown.append(contentsOf: bytes[..<round])
        shown.append(contentsOf: Array(",\"reasons\":".utf8))
        shown.append(worded.reasons)
        shown.append(contentsOf: bytes[round..<width])
        shown.append(contentsOf: Array(",\"warnings\":".utf8))
        shown.append(worded.warnings)
        shown.append(contentsOf: bytes[width..<(bytes.count - 1)])
        shown.append(contentsOf: Array(",\"zh\":".utf8))
        shown.append(worded.chinese)
        shown.append(UInt8(ascii: "}"))
        return shown
    }

    /// The sentences of one `messages` object, as `CatalogEntry` words them when it is decoded.
    private mutating func worded(_ messages: Data) -> Worded? {
        if let known = known[messages] { return known }
        guard let codes = try? JSONDecoder().decode(CatalogEntry.StoredMessages.self, from: messages) else { return nil }
        let reasons = codes.reasons.map(\.message), warnings = codes.warnings.map(\.message)
        guard let worded = try? Worded(reasons: encoder.encode(reasons.texts(in: .en)), warnings: encoder.encode(warnings.texts(in: .en)),
                                       chinese: encoder.encode(CatalogEntry.Sentences(reasons: reasons, warnings: warnings, in: .zh))) else { return nil }
        known[messages] = worded
        return worded
    }

    private static func first(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { ByteSearch.first(pattern, in: $0) }
    }

    private static func last(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).reversed().first { matches(pattern, bytes, at: $0) }
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at start: Int) -> Bool {
        // A quote inside a string value is always escaped, so the key's own text matches only keys.
        bytes[start] == pattern[0] && bytes[start..<(start + pattern.count)].elementsEqual(pattern)
    }

    /// The index of the `}` closing the object whose `{` is at `open`, strings skipped.
    private static func objectEnd(_ bytes: [UInt8], from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var index = open
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
