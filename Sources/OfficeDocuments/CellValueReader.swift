import Foundation

/// Turns a worksheet's `<c>` elements into the texts Excel shows.
struct CellValueReader {
    let sharedStrings: [String]
    let dateStyles: [Int: DateDisplay]
    let uses1904: Bool

    func grid(of worksheet: OfficeXMLElement, file: String, limits: ReadingLimits) throws -> CellGrid {
        var texts: [CellGrid.Position: String] = [:]
        var nextRow = 0
        for row in worksheet.child("sheetData")?.children(named: "row") ?? [] {
            let rowIndex = row.attribute("r").flatMap(Int.init).map { $0 - 1 } ?? nextRow
            nextRow = rowIndex + 1
            var nextColumn = 0
            for cell in row.children(named: "c") {
                let position = cell.attribute("r").flatMap(Self.position(of:)) ?? .init(row: rowIndex, column: nextColumn)
                nextColumn = position.column + 1
                let text = self.text(of: cell)
                if !text.isEmpty { texts[position] = text }
            }
        }
        if CellGrid.size(of: texts) > limits.maxGridCells {
            throw OfficeDocumentError.overLimit(file, "a sheet spans more than \(limits.maxGridCells) cells")
        }
        let merges = (worksheet.child("mergeCells")?.children(named: "mergeCell") ?? []).compactMap { merge -> (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? in
            guard let reference = merge.attribute("ref") else { return nil }
            let corners = reference.split(separator: ":").compactMap { Self.position(of: String($0)) }
            guard corners.count == 2 else { return nil }
            return (min(corners[0].row, corners[1].row)...max(corners[0].row, corners[1].row),
                    min(corners[0].column, corners[1].column)...max(corners[0].column, corners[1].column))
        }
        return CellGrid(texts: texts, mergedAreas: merges)
    }

    private func text(of cell: OfficeXMLElement) -> String {
        let value = cell.child("v")?.text ?? ""
        switch cell.attribute("t") ?? "n" {
        case "s": return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
        case "inlineStr": return cell.child("is").map(Self.text(ofRichText:)) ?? ""
        case "str", "e", "d": return value   // formula text result, error (#N/A), ISO date
        case "b": return value == "1" ? "TRUE" : "FALSE"
        default:
            guard let number = Double(value) else { return value }
            if let style = cell.attribute("s").flatMap(Int.init), let display = dateStyles[style] {
                return format(serial: number, as: display)
            }
            return Self.plain(number)
        }
    }

    /// A number as Excel's General format shows it: integers without ".0", no exponent for
    /// phone-number-sized integers, at most 15 significant digits otherwise.
    static func plain(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.15g", number)
        if text.contains("e") { return text }
        if text.contains(".") { while text.hasSuffix("0") { text.removeLast() }; if text.hasSuffix(".") { text.removeLast() } }
        return text
    }

    private func format(serial: Double, as display: DateDisplay) -> String {
        // Serial 1 is 1900-01-01 with Excel's phantom 1900-02-29, so from March 1900 on the
        // epoch is 1899-12-30; the 1904 system counts from 1904-01-01.
        let epochOffset: Double = uses1904 ? 24107 : 25569   // days from the epoch to 1970-01-01
        let seconds = ((serial - epochOffset) * 86400).rounded()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        let date = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        let time = parts.second == 0
            ? String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
            : String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
        switch display {
        case .date: return date
        case .time: return time
        case .dateTime: return parts.hour == 0 && parts.minute == 0 && parts.second == 0 ? date : "\(date) \(time)"
        }
    }

    /// `<si>` or `<is>`: `<t>` directly or in runs `<r><t>`, phonetic `<rPh>` left out.
    static func text(ofRichText element: OfficeXMLElement) -> String {
        element.children.map { child in
            switch child.name {
            case "t": child.text
            case "r": child.children(named: "t").map(\.text).joined()
            default: ""
            }
        }.joined()
    }

    /// "AB12" → row 11, column 27.
    static func position(of reference: String) -> CellGrid.Position? {
        var column = 0, row = 0, sawLetter = false, sawDigit = false
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where !sawDigit: column = column * 26 + Int(scalar.value - 64); sawLetter = true
            case 97...122 where !sawDigit: column = column * 26 + Int(scalar.value - 96); sawLetter = true
            case 48...57: row = row * 10 + Int(scalar.value - 48); sawDigit = true
            case 36: continue   // "$A$1"
            default: return nil
            }
            if column > 16384 || row > 1_048_576 { return nil }
        }
        guard sawLetter, sawDigit, row > 0 else { return nil }
        return .init(row: row - 1, column: column - 1)
    }
}
