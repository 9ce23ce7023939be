import Foundation

/// CSV as RFC 4180 says (CRLF line ends; a field with a comma, quote or line break quoted, its
/// quotes doubled), in UTF-8 with a byte-order mark: without the mark Excel on a Chinese
/// Windows reads the file as GBK and shows the labels as mojibake.
public enum CSVWriter {
    public static func data(header: [String], rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in [header] + rows { text += row.map(field).joined(separator: ",") + "\r\n" }
        return Data(text.utf8)
    }

    /// Writes atomically: a temporary file beside `url`, then a rename.
    public static func write(header: [String], rows: [[String]], to url: URL) throws {
        try data(header: header, rows: rows).write(to: url, options: .atomic)
    }

    static func field(_ text: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character and equals neither "\r" nor "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
