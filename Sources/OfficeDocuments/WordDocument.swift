import Foundation

/// What a DOCX says, in reading order: paragraphs outside tables and tables as cell grids.
public struct WordDocument: Sendable {
    public enum Block: Sendable {
        case paragraph(String)
        case table(CellGrid)
    }

    public var blocks: [Block]

    public var tables: [CellGrid] {
        blocks.compactMap { if case .table(let grid) = $0 { grid } else { nil } }
    }

    /// Reads `word/document.xml` (found through the package's relationships, so a DOCX from WPS
    /// or LibreOffice that names it differently still reads) under `limits`.
    public init(contentsOf url: URL, limits: ReadingLimits = .standard) throws {
        let package = try OfficePackage(url: url, limits: limits)
        let main = try Self.mainPart(of: package)
        guard let document = try package.xml(of: main), let body = document.child("body") else {
            throw OfficeDocumentError.damaged(package.fileName, "\(main) has no document body")
        }
        var reader = BodyReader(file: package.fileName, limits: limits)
        blocks = try reader.blocks(in: body)
    }

    private static func mainPart(of package: OfficePackage) throws -> String {
        let rootTargets = try package.relationships(of: "")
        if let root = try package.xml(of: "_rels/.rels") {
            for relationship in root.children(named: "Relationship")
            where relationship.attribute("Type")?.hasSuffix("/officeDocument") == true {
                if let id = relationship.attribute("Id"), let target = rootTargets[id], package.contains(target) { return target }
            }
        }
        if package.contains("word/document.xml") { return "word/document.xml" }
        if package.contains("xl/workbook.xml") {
            throw OfficeDocumentError.notAnOfficeFile(package.fileName, "it is an Excel workbook, not a Word document")
        }
        throw OfficeDocumentError.notAnOfficeFile(package.fileName, "it has no Word document inside")
    }
}

/// Walks w:body: paragraphs and tables, content controls (w:sdt) looked through.
private struct BodyReader {
    let file: String
    let limits: ReadingLimits

    mutating func blocks(in container: OfficeXMLElement) throws -> [WordDocument.Block] {
        var blocks: [WordDocument.Block] = []
        for element in container.children {
            switch element.name {
            case "p": blocks.append(.paragraph(Self.text(ofParagraph: element)))
            case "tbl": blocks.append(.table(try grid(of: element)))
            case "sdt", "customXml":
                if let content = element.child("sdtContent") ?? (element.name == "customXml" ? element : nil) {
                    blocks += try self.blocks(in: content)
                }
            default: continue
            }
        }
        return blocks
    }

    /// The table as a grid: w:gridSpan widens a cell, w:vMerge="continue" (or bare w:vMerge)
    /// joins it to the cell above in the same grid column, w:vMerge="restart" starts a new one.
    func grid(of table: OfficeXMLElement) throws -> CellGrid {
        var rows: [[CellGrid.Cell]] = []
        for (rowIndex, row) in table.children.filter({ $0.name == "tr" }).enumerated() {
            var cells: [CellGrid.Cell] = []
            if let before = row.child("trPr")?.child("gridBefore")?.attribute("val").flatMap(Int.init), before > 0 {
                for _ in 0..<min(before, 64) { cells.append(.init(text: "", origin: .init(row: rowIndex, column: cells.count))) }
            }
            for cell in Self.cells(of: row) {
                let properties = cell.child("tcPr")
                let span = max(1, min(properties?.child("gridSpan")?.attribute("val").flatMap(Int.init) ?? 1, 64))
                let column = cells.count
                var merged: CellGrid.Cell = .init(text: Self.text(ofCell: cell), origin: .init(row: rowIndex, column: column))
                if let vMerge = properties?.child("vMerge"), vMerge.attribute("val") != "restart",
                   let above = rows.last, column < above.count {
                    merged = above[column]
                }
                for _ in 0..<span { cells.append(merged) }
            }
            rows.append(cells)
            if rows.count * max(cells.count, 1) > limits.maxGridCells {
                throw OfficeDocumentError.overLimit(file, "a table has more than \(limits.maxGridCells) cells")
            }
        }
        return CellGrid(rows: rows)
    }

    /// A row's cells, looking through content controls around them.
    private static func cells(of row: OfficeXMLElement) -> [OfficeXMLElement] {
        row.children.flatMap { element -> [OfficeXMLElement] in
            switch element.name {
            case "tc": [element]
            case "sdt": element.child("sdtContent").map(cells(of:)) ?? []
            case "customXml": cells(of: element)
            default: []
            }
        }
    }

    /// A cell's paragraphs joined by line breaks, nested tables included, trailing blank lines dropped.
    static func text(ofCell cell: OfficeXMLElement) -> String {
        var lines: [String] = []
        func collect(_ element: OfficeXMLElement) {
            for child in element.children {
                if child.name == "p" { lines.append(text(ofParagraph: child)) } else if child.name != "tcPr" { collect(child) }
            }
        }
        collect(cell)
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// A paragraph's text: every run however deeply wrapped (hyperlinks, insertions, smart tags,
    /// fields), w:tab as a tab, w:br/w:cr as a line break; deleted text and field codes left out
    /// (they are w:delText and w:instrText, which are not collected).
    static func text(ofParagraph paragraph: OfficeXMLElement) -> String {
        var text = ""
        func collect(_ element: OfficeXMLElement) {
            for child in element.children {
                switch child.name {
                case "t": text += child.text
                case "tab": if element.name == "r" { text += "\t" }
                case "br", "cr": text += "\n"
                case "noBreakHyphen": text += "-"
                case "del", "pPr", "rPr", "p": continue
                default: collect(child)
                }
            }
        }
        collect(paragraph)
        return text
    }
}
