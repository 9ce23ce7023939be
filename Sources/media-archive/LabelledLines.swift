/// A block that names one thing, then its facts as "label  value" lines with the values lined
/// up (`show`, `inspect`). Chinese labels take two columns a character, so widths are measured
/// as the terminal shows them.
enum LabelledLines {
    static func render(title: String, _ lines: [(label: String, value: String)]) -> String {
        let width = lines.map { TextTable.displayWidth($0.label) }.max() ?? 0
        let body = lines.map { line in
            "  " + line.label + String(repeating: " ", count: width - TextTable.displayWidth(line.label)) + "  " + line.value
        }
        return ([title] + body).joined(separator: "\n")
    }
}
