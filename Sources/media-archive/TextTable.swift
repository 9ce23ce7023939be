/// A plain column-aligned table that lines up Chinese names too (they take two columns).
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Cells longer than this are shortened with "…" so one long name cannot break the layout.
    var maxCellWidth = 48
    /// Wraps a rendered cell in colour codes; gets the row and column index and the padded cell.
    var decorate: ((Int, Int, String) -> String)? = nil

    func render() -> String {
        // The last column runs to the end of the line and is never shortened.
        let cells = ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : Self.shortened(cell, to: maxCellWidth)
            }
        }
        let columnCount = cells.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in
            cells.map { column < $0.count ? Self.displayWidth($0[column]) : 0 }.max() ?? 0
        }
        return cells.enumerated().map { rowIndex, row in
            row.enumerated().map { column, cell in
                let isLast = column == row.count - 1
                let padded = isLast ? cell : cell + String(repeating: " ", count: widths[column] - Self.displayWidth(cell))
                guard rowIndex > 0, let decorate else { return padded }
                return decorate(rowIndex - 1, column, padded)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// Terminal columns a string occupies: East Asian wide characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (isWide(scalar) ? 2 : (scalar.properties.generalCategory == .nonspacingMark ? 0 : 1))
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private static func shortened(_ text: String, to limit: Int) -> String {
        guard displayWidth(text) > limit else { return text }
        var kept = ""
        for character in text {
            if displayWidth(kept + String(character)) > limit - 1 { break }
            kept.append(character)
        }
        return kept + "…"
    }
}
