import Foundation

/// Turns a stored schema-3 entry line (message codes under `messages`, no `reasons`,
/// `warnings` or `zh`) into the text `search --json` shows, without decoding the whole entry:
/// the sentences are worded from the `messages` object alone and spliced in where the sorted
/// encoder would put them. Many entries share the same codes (the same late hand-in, the same
/// window), so each distinct `messages` text is worded once per search.
///
/// The result is byte for byte what `CatalogueRules.json(entry)` gives for the decoded entry
/// (`ShownEntryTextTests`); a line it cannot read that way gives nil and is decoded instead.
struct ShownEntryText {
    private var worded: [Data: Pieces] = [:]
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The encoded values of the three keys a shown entry has beyond the stored one.
    private struct Pieces {
        var reasons: Data
        var warnings: Data
        var chinese: Data
    }

    mutating func shown(_ stored: Data) -> Data? {
        let bytes = [UInt8](stored)
        guard let layout = Self.topLevel(bytes), let messages = layout.messages else { return nil }
        let messagesText = Data(bytes[messages])
        let pieces: Pieces
        if let known = worded[messagesText] {
            pieces = known
        } else {
            guard let codes = try? JSONDecoder().decode(CatalogEntry.StoredMessages.self, from: messagesText) else { return nil }
            let reasons = codes.reasons.map(\.message), warnings = codes.warnings.map(\.message)
            guard let english = try? encoder.encode(reasons.texts(in: .en)),
                  let englishWarnings = try? encoder.encode(warnings.texts(in: .en)),
                  let chinese = try? encoder.encode(CatalogEntry.Sentences(reasons: reasons, warnings: warnings, in: .zh))
            else { return nil }
            pieces = Pieces(reasons: english, warnings: englishWarnings, chinese: chinese)
            worded[messagesText] = pieces
        }
        // Inserted before the first top-level key that sorts after each (end of object: before `}`).
        let inserts: [(key: String, value: Data)] = [("reasons", pieces.reasons), ("warnings", pieces.warnings), ("zh", pieces.chinese)]
        var output = Data()
        output.reserveCapacity(bytes.count + inserts.reduce(0) { $0 + $1.value.count + 16 })
        var copied = 0
        var keyIndex = 0
        for insert in inserts {
            while keyIndex < layout.keys.count && Self.sortsBefore(layout.keys[keyIndex].name, insert.key) { keyIndex += 1 }
            if keyIndex < layout.keys.count && layout.keys[keyIndex].name == insert.key { return nil }   // already there
            let at = keyIndex < layout.keys.count ? layout.keys[keyIndex].start : layout.end
            output.append(contentsOf: bytes[copied..<at])
            copied = at
            let atEnd = keyIndex == layout.keys.count
            if atEnd && !layout.keys.isEmpty { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: Array("\"\(insert.key)\":".utf8))
            output.append(insert.value)
            if !atEnd { output.append(UInt8(ascii: ",")) }
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// The sorted encoder's order for these keys (letters only): case-insensitive.
    private static func sortsBefore(_ a: String, _ b: String) -> Bool {
        a.lowercased() < b.lowercased()
    }

    private struct Layout {
        /// Each top-level key's name and the index of its opening quote.
        var keys: [(name: String, start: Int)] = []
        /// The `messages` object's bytes (from `{` to `}`), if the entry has one.
        var messages: Range<Int>?
        /// The index of the closing `}`.
        var end = 0
    }

    /// The top level of one compact JSON object; nil when the text is not one.
    private static func topLevel(_ bytes: [UInt8]) -> Layout? {
        guard bytes.first == UInt8(ascii: "{") else { return nil }
        var layout = Layout()
        var depth = 0, index = 0
        var expectingKey = false
        var valueStart: Int?
        var currentKey = ""
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard index < bytes.count else { return nil }
                if depth == 1 && expectingKey {
                    currentKey = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    layout.keys.append((currentKey, start))
                    expectingKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 1 && currentKey == "messages" && byte == UInt8(ascii: "{") { valueStart = index }
                depth += 1
                if depth == 1 { expectingKey = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 1, let start = valueStart { layout.messages = start..<(index + 1); valueStart = nil }
                if depth == 0 {
                    guard index == bytes.count - 1 else { return nil }
                    layout.end = index
                    return layout
                }
            case UInt8(ascii: ","):
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
