import Foundation
import ZIPFoundation

/// A table to write: a sheet name, a header row (shown bold, frozen) and rows of text.
public struct SheetTable: Sendable {
    public var name: String
    public var header: [String]
    public var rows: [[String]]

    public init(name: String, header: [String], rows: [[String]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// Writes the smallest SpreadsheetML package Excel, WPS and LibreOffice all open without a
/// repair prompt: content types, package and workbook relationships, the workbook, one sheet
/// per table, shared strings and styles (style 1 = bold for the header). Every cell is text,
/// so phone numbers and postcodes keep their leading zeros.
public enum XLSXWriter {
    /// Excel refuses longer cell texts.
    static let maxCellCharacters = 32_767

    /// Writes atomically: a temporary file beside `url`, then a rename.
    public static func write(_ tables: [SheetTable], to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let archive = try Archive(url: temporary, accessMode: .create)
        var strings = SharedStrings()
        let names = sheetNames(tables.map(\.name))
        var sheets: [String] = []
        for table in tables { sheets.append(worksheet(table, strings: &strings)) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheetCount: tables.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheetCount: tables.count)),
            ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        for (index, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet)) }
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        // rename(2) puts the workbook in place in one step, over an earlier export too.
        // (Foundation's replaceItemAt on Linux removed the earlier file and then failed:
        // exporting twice to one path lost the first export and wrote nothing.)
        guard rename(temporary.path, url.path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    private struct SharedStrings {
        var index: [String: Int] = [:]
        var ordered: [String] = []
        var count = 0
        mutating func id(_ text: String) -> Int {
            count += 1
            if let id = index[text] { return id }
            index[text] = ordered.count
            ordered.append(text)
            return ordered.count - 1
        }
        var xml: String {
            let items = ordered.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined()
            return header + "<sst xmlns=\"\(main)\" count=\"\(count)\" uniqueCount=\"\(ordered.count)\">\(items)</sst>"
        }
    }

    private static func worksheet(_ table: SheetTable, strings: inout SharedStrings) -> String {
        let allRows = [table.header] + table.rows
        let columnCount = allRows.map(\.count).max() ?? 0
        var xml = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if columnCount > 0 {
            xml += "<cols>"
            for column in 0..<columnCount {
                // Wide enough for the longest text in the column (CJK counts double), within reason.
                let widest = allRows.map { column < $0.count ? displayWidth($0[column]) : 0 }.max() ?? 8
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(min(max(widest + 2, 8), 60))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in allRows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (column, text) in row.enumerated() where !text.isEmpty {
                let style = rowIndex == 0 ? " s=\"1\"" : ""
                let id = strings.id(String(cleaned(text).prefix(maxCellCharacters)))
                xml += "<c r=\"\(columnName(column))\(rowIndex + 1)\"\(style) t=\"s\"><v>\(id)</v></c>"
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func displayWidth(_ text: String) -> Int {
        let longestLine = text.split(separator: "\n").map { line in line.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E7F ? 2 : 1) } }.max() ?? 0
        return longestLine
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique ignoring case.
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if clean.trimmingCharacters(in: .whitespaces).isEmpty { clean = "Sheet\(index + 1)" }
            var candidate = clean, suffix = 2
            while used.contains(candidate.lowercased()) { candidate = String(clean.prefix(28)) + "(\(suffix))"; suffix += 1 }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 { let remainder = (index - 1) % 26; name = String(UnicodeScalar(65 + remainder)!) + name; index = (index - 1) / 26 }
        return name
    }

    /// XML 1.0 cannot carry most control characters; a pasted form sometimes has them.
    private static func cleaned(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).prefix(sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + sheets + "</Types>"
    }

    private static let rootRelationships = header + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipsNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    private static func workbook(_ names: [String]) -> String {
        let sheets = names.enumerated().map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        return header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationshipsNamespace)\">"
            + "<bookViews><workbookView/></bookViews><sheets>\(sheets)</sheets></workbook>"
    }

    private static func workbookRelationships(sheetCount: Int) -> String {
        var relationships = (0..<sheetCount).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        relationships.append("<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/>")
        relationships.append("<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipsNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        return header + "<Relationships xmlns=\"\(packageRelationships)\">\(relationships.joined())</Relationships>"
    }

    // Fills 0 and 1 (none, gray125) are required by Excel even when unused.
    private static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
