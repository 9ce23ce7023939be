import Foundation
import OfficeDocuments

/// Reads records from one table or sheet, in either of the two layouts offices use:
/// - **a header row** (附件2, or many projects in an Excel list): a row holding at least three of
///   a form's labels; every non-empty row below it is a record. Title rows and a
///   "单位（盖章）：…" line may stand above it; that line fills the unit of rows that lack one.
/// - **label and value** (附件1 as printed): labels anywhere in the table, each value in the
///   next cell to the right (merged or not), in the cell below when the label has the row to
///   itself, or after a colon in the label's own cell. A table with at least three of a form's labels is one record.
struct TableRecordReader {
    let expected: FormKind?
    let source: RecordSource
    /// A "单位（盖章）：…" line found outside the table (a Word paragraph above it).
    let unitLine: String?

    func records(in grid: CellGrid) -> [FormRecord] {
        if let (kind, headerRow) = headerRow(in: grid) {
            return rowRecords(kind, grid: grid, headerRow: headerRow)
        }
        return labelValueRecord(in: grid).map { [$0] } ?? []
    }

    private var kinds: [FormKind] { expected.map { [$0] } ?? FormKind.allCases }

    // MARK: header-row layout

    private func headerRow(in grid: CellGrid) -> (FormKind, Int)? {
        for row in 0..<grid.rowCount {
            let cells = grid.distinctCells(inRow: row)
            let scored = kinds.map { kind in (kind, Set(cells.compactMap { LabelMatcher.field(of: kind, matching: $0.text)?.key }).count) }
            if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 3 { return (best.0, row) }
        }
        return nil
    }

    private func rowRecords(_ kind: FormKind, grid: CellGrid, headerRow: Int) -> [FormRecord] {
        var columns: [(key: String, column: Int)] = []
        for cell in grid.distinctCells(inRow: headerRow) {
            if let field = LabelMatcher.field(of: kind, matching: cell.text), !columns.contains(where: { $0.key == field.key }) {
                columns.append((field.key, cell.origin.column))
            }
        }
        let unit = unitAbove(headerRow, in: grid) ?? unitLine.flatMap(Self.unit(in:))
        var missing = kind.fields.filter { field in !columns.contains { $0.key == field.key } }
        if unit != nil { missing.removeAll { $0.key == "unit" } }
        let warnings = missing.isEmpty ? [] : ["the form has no column " + missing.map(\.label).joined(separator: ", ")
                                               + "; those fields are left empty"]
        var records: [FormRecord] = []
        for row in (headerRow + 1)..<max(grid.rowCount, headerRow + 1) {
            let filled = grid.distinctCells(inRow: row).filter { !$0.text.trimmed.isEmpty }
            // A note under the table ("注：…", "填表人：…") is one cell merged across the row.
            if filled.count == 1, grid.rows[row].filter({ $0.origin == filled[0].origin }).count > 1 { continue }
            if filled.count == 1, Self.unit(in: filled[0].text) != nil || filled[0].text.trimmed.hasPrefix("注") { continue }
            var values: [String: String] = [:]
            for (key, column) in columns { values[key] = grid[row, column].text.trimmed }
            guard values.values.contains(where: { !$0.isEmpty }) else { continue }
            if kind == .openInstitution, values["unit", default: ""].isEmpty, let unit { values["unit"] = unit }
            var source = self.source
            source.row = row + 1
            records.append(FormRecord(form: kind, values: values, source: source, warnings: warnings))
        }
        return records
    }

    private func unitAbove(_ headerRow: Int, in grid: CellGrid) -> String? {
        for row in 0..<headerRow {
            for cell in grid.distinctCells(inRow: row) { if let unit = Self.unit(in: cell.text) { return unit } }
        }
        return nil
    }

    /// The value of a "单位（盖章）：南乐县科协" line, or nil when the text is not one.
    static func unit(in text: String) -> String? {
        guard let (field, value) = LabelMatcher.labelAndValue(of: .openInstitution, in: text), field.key == "unit",
              !value.isEmpty else { return nil }
        return value
    }

    // MARK: label-and-value layout

    private func labelValueRecord(in grid: CellGrid) -> FormRecord? {
        let candidates = kinds.map { kind in (kind, labelValues(kind, in: grid)) }
        guard let (kind, values) = candidates.max(by: { $0.1.count < $1.1.count }), values.count >= 3 else { return nil }
        let missing = kind.fields.filter { values[$0.key] == nil }
        let warnings = missing.isEmpty ? [] : ["label not found: " + missing.map(\.label).joined(separator: ", ")
                                               + "; those fields are left empty"]
        return FormRecord(form: kind, values: values, source: source, warnings: warnings)
    }

    private func labelValues(_ kind: FormKind, in grid: CellGrid) -> [String: String] {
        var values: [String: String] = [:]
        func take(_ key: String, _ value: String) {
            if values[key, default: ""].isEmpty { values[key] = value.trimmed }
        }
        for row in 0..<grid.rowCount {
            for cell in grid.distinctCells(inRow: row) {
                if let field = LabelMatcher.field(of: kind, matching: cell.text) {
                    take(field.key, value(besideLabelAt: cell.origin, in: grid))
                } else if let (field, value) = LabelMatcher.labelAndValue(of: kind, in: cell.text) {
                    take(field.key, value)
                }
            }
        }
        return values
    }

    private func value(besideLabelAt origin: CellGrid.Position, in grid: CellGrid) -> String {
        if let right = grid.cell(rightOf: origin), !LabelMatcher.isLabel(right.text) { return right.text }
        if let below = grid.cell(below: origin), !LabelMatcher.isLabel(below.text) { return below.text }
        return ""
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
