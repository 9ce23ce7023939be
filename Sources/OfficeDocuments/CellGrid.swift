/// A table as rows and columns with merged cells resolved: every grid position a merged cell
/// covers holds that cell's text and the position of its top-left corner, so "the cell to the
/// right of this label" is the next cell with a different origin, however the form was merged.
/// Word tables and Excel sheets both come out as this.
public struct CellGrid: Sendable, Equatable {
    public struct Position: Sendable, Hashable, Comparable {
        public var row: Int
        public var column: Int
        public init(row: Int, column: Int) { self.row = row; self.column = column }
        public static func < (a: Position, b: Position) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    public struct Cell: Sendable, Equatable {
        public var text: String
        /// Top-left of the merged area this position belongs to (itself when not merged).
        public var origin: Position
    }

    /// Rows × columns a grid built from `texts` would have, to refuse an absurd sheet before building it.
    public static func size(of texts: [Position: String]) -> Int {
        guard let rows = texts.keys.map(\.row).max(), let columns = texts.keys.map(\.column).max() else { return 0 }
        return (rows + 1) * (columns + 1)
    }

    /// rows[r][c]; every row has `columnCount` cells.
    public private(set) var rows: [[Cell]]
    public var rowCount: Int { rows.count }
    public var columnCount: Int { rows.first?.count ?? 0 }

    /// Builds a grid from sparse texts and merged areas. Texts inside a merged area other than at
    /// its top-left are dropped, as Excel and Word show them. The grid ends at the last text:
    /// merged areas are cut there (a sheet may merge A1:XFD1 for a title).
    public init(texts: [Position: String], mergedAreas: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []) {
        let maxRow = texts.keys.map(\.row).max() ?? -1
        let maxColumn = texts.keys.map(\.column).max() ?? -1
        var rows: [[Cell]] = (0..<(maxRow + 1)).map { row in
            (0..<(maxColumn + 1)).map { column in
                let position = Position(row: row, column: column)
                return Cell(text: texts[position] ?? "", origin: position)
            }
        }
        for area in mergedAreas where area.rows.lowerBound <= maxRow && area.columns.lowerBound <= maxColumn {
            let area = (rows: area.rows.lowerBound...min(area.rows.upperBound, maxRow),
                        columns: area.columns.lowerBound...min(area.columns.upperBound, maxColumn))
            let origin = Position(row: area.rows.lowerBound, column: area.columns.lowerBound)
            let text = texts[origin] ?? ""
            for row in area.rows { for column in area.columns { rows[row][column] = Cell(text: text, origin: origin) } }
        }
        self.rows = rows
    }

    /// Builds a grid from rows already laid out (a Word table after spans are applied).
    public init(rows: [[Cell]]) {
        let width = rows.map(\.count).max() ?? 0
        self.rows = rows.enumerated().map { index, row in
            row + (row.count..<width).map { Cell(text: "", origin: Position(row: index, column: $0)) }
        }
    }

    public subscript(row: Int, column: Int) -> Cell { rows[row][column] }

    /// The distinct cells of one row, left to right (a merged cell once), with their origins.
    public func distinctCells(inRow row: Int) -> [Cell] {
        var seen = Set<Position>()
        return rows[row].filter { seen.insert($0.origin).inserted }
    }

    /// The first cell right of the cell at `position` that is not part of the same merged cell.
    public func cell(rightOf position: Position) -> Cell? {
        let origin = rows[position.row][position.column].origin
        return rows[position.row][(position.column + 1)...].first { $0.origin != origin }
    }

    /// The first cell below the cell at `position` that is not part of the same merged cell.
    public func cell(below position: Position) -> Cell? {
        let origin = rows[position.row][position.column].origin
        return rows[(position.row + 1)...].lazy.map { $0[position.column] }.first { $0.origin != origin }
    }

    /// Each row's texts, a merged cell's text repeated at every position it covers.
    public var texts: [[String]] { rows.map { $0.map(\.text) } }
}
