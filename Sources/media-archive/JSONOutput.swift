import Foundation
import MediaArchive

/// `--json`: one document on stdout, keys sorted so output diffs cleanly.
enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Reasons and warnings are for people too: in the reader's language, under the same keys.
        encoder.userInfo[.messageLanguage] = Language.ofReader
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// A JSON array whose elements are already JSON text, one per line.
    static func printLines(_ lines: [Data]) {
        FileHandle.standardOutput.write(Catalog.jsonArray(lines))
    }
}
