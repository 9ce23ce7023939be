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
    static func printLines(_ lines: [Data]) {
        var output = Data("[\n".utf8)
        output.reserveCapacity(lines.reduce(4) { $0 + $1.count + 2 })
        for (index, line) in lines.enumerated() {
            output.append(line)
            output.append(contentsOf: index == lines.count - 1 ? [0x0A] : [0x2C, 0x0A])
        }
        output.append(contentsOf: Array("]\n".utf8))
        FileHandle.standardOutput.write(output)
    }
}
