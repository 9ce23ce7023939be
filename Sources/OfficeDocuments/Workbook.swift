import Foundation

/// What an XLSX says: its sheets in workbook order, each a cell grid of the texts Excel shows
/// (shared and inline strings, numbers, dates in ISO form, booleans), merged cells resolved.
public struct Workbook: Sendable {
    public struct Sheet: Sendable {
        public var name: String
        public var grid: CellGrid
    }

    public var sheets: [Sheet]

    public init(contentsOf url: URL, limits: ReadingLimits = .standard) throws {
        let package = try OfficePackage(url: url, limits: limits)
        guard let workbook = try package.xml(of: "xl/workbook.xml") else {
            if package.contains("word/document.xml") {
                throw OfficeDocumentError.notAnOfficeFile(package.fileName, "it is a Word document, not an Excel workbook")
            }
            throw OfficeDocumentError.notAnOfficeFile(package.fileName, "it has no workbook inside")
        }
        let targets = try package.relationships(of: "xl/workbook.xml")
        let uses1904 = workbook.child("workbookPr")?.attribute("date1904").map { $0 == "1" || $0 == "true" } ?? false
        let values = CellValueReader(
            sharedStrings: try Self.sharedStrings(package, targets: targets),
            dateStyles: try Self.dateStyles(package, targets: targets),
            uses1904: uses1904)
        var sheets: [Sheet] = []
        for sheet in workbook.child("sheets")?.children(named: "sheet") ?? [] {
            guard let id = sheet.attribute("id"), let part = targets[id],
                  let worksheet = try package.xml(of: part) else { continue }
            sheets.append(Sheet(name: sheet.attribute("name") ?? "Sheet\(sheets.count + 1)",
                                grid: try values.grid(of: worksheet, file: package.fileName, limits: limits)))
        }
        self.sheets = sheets
    }

    private static func part(ofType suffix: String, _ targets: [String: String], package: OfficePackage, fallback: String) -> String {
        // The relationship ids are arbitrary; the file names are conventional. Trust the names
        // the relationships give, and fall back to Excel's usual name.
        targets.values.first { $0.lowercased().hasSuffix(suffix) } ?? fallback
    }

    /// Shared strings: plain `<t>` or rich text runs `<r><t>` concatenated; phonetic guides
    /// (`<rPh>`) left out, as Excel does when it shows the cell.
    private static func sharedStrings(_ package: OfficePackage, targets: [String: String]) throws -> [String] {
        let name = part(ofType: "sharedstrings.xml", targets, package: package, fallback: "xl/sharedStrings.xml")
        guard let table = try package.xml(of: name) else { return [] }
        return table.children(named: "si").map(CellValueReader.text(ofRichText:))
    }

    /// Which cell styles (indexes into cellXfs) show a number as a date or time, and how.
    private static func dateStyles(_ package: OfficePackage, targets: [String: String]) throws -> [Int: DateDisplay] {
        let name = part(ofType: "styles.xml", targets, package: package, fallback: "xl/styles.xml")
        guard let styles = try package.xml(of: name) else { return [:] }
        var customFormats: [Int: String] = [:]
        for format in styles.child("numFmts")?.children(named: "numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap(Int.init) { customFormats[id] = format.attribute("formatCode") ?? "" }
        }
        var result: [Int: DateDisplay] = [:]
        for (index, style) in (styles.child("cellXfs")?.children(named: "xf") ?? []).enumerated() {
            let id = style.attribute("numFmtId").flatMap(Int.init) ?? 0
            if let display = DateDisplay(builtInFormat: id) ?? customFormats[id].flatMap(DateDisplay.init(formatCode:)) {
                result[index] = display
            }
        }
        return result
    }
}

/// How a date-formatted number is shown: the ISO form of what Excel would show.
enum DateDisplay: Sendable {
    case date, dateTime, time

    init?(builtInFormat id: Int) {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: self = .date   // 27–58: the CJK locales' built-in date formats
        case 22: self = .dateTime
        case 18...21, 32, 33, 45...47: self = .time
        default: return nil
        }
    }

    /// A custom format is a date when it has y, m, d, h or s outside quotes, brackets and escapes
    /// (`[Red]`, `"元"`, `\-` are not date parts); `[h]`-style elapsed time counts as time.
    init?(formatCode: String) {
        var hasDate = false, hasTime = false, quoted = false, bracketed = false, escaped = false
        for character in formatCode.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracketed = true
            case "]": bracketed = false
            case "y", "d", "e", "年", "月", "日": if !quoted && !bracketed { hasDate = true }
            case "h", "s": if !quoted && !bracketed { hasTime = true }
            default: continue
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): self = .dateTime
        case (true, false): self = .date
        case (false, true): self = .time
        default: return nil
        }
    }
}
