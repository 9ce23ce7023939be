import Foundation

/// `--json`: one document on stdout, keys sorted so output diffs cleanly.
enum JSONOutput {
    static func print<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// A JSON array whose elements are already JSON text, one per line.
    static func printLines(_ lines: [Substring]) {
        var output = "[\n"
        output.reserveCapacity(lines.reduce(4) { $0 + $1.utf8.count + 2 })
        for (index, line) in lines.enumerated() {
            output += line
            output += index == lines.count - 1 ? "\n" : ",\n"
        }
        output += "]\n"
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
