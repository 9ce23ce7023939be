import Foundation
import OfficeDocuments

/// A record with the county it was handed in by (its Chinese name, as the bureau forwards it).
public struct CountyFormRecord: Sendable, Equatable {
    public var county: String
    public var record: FormRecord

    public init(county: String, record: FormRecord) {
        self.county = county
        self.record = record
    }
}

/// The bureau's consolidated tables: one per form, a 区县 column first, then the form's columns
/// under their Chinese labels, records in the order given.
public enum FormsExport {
    public static let countyColumn = "区县"

    public static func table(_ kind: FormKind, _ records: [CountyFormRecord]) -> SheetTable {
        SheetTable(name: "\(kind.attachment) \(kind.title)",
                   header: [countyColumn] + kind.fields.map(\.label),
                   rows: records.filter { $0.record.form == kind }.map { entry in
                       [entry.county] + entry.record.fields.map(\.value)
                   })
    }

    /// One workbook, one sheet per form (both sheets always, so the bureau's layout never shifts).
    public static func writeXLSX(_ records: [CountyFormRecord], to url: URL) throws {
        try XLSXWriter.write(FormKind.allCases.map { table($0, records) }, to: url)
    }

    /// One CSV per form beside `url`: `名单.csv` becomes `名单-key-projects.csv` and
    /// `名单-open-institutions.csv`. Returns the files written.
    @discardableResult
    public static func writeCSV(_ records: [CountyFormRecord], to url: URL) throws -> [URL] {
        let stem = url.deletingPathExtension().lastPathComponent
        return try FormKind.allCases.map { kind in
            let file = url.deletingLastPathComponent().appendingPathComponent("\(stem)-\(kind.part).csv")
            let table = table(kind, records)
            try CSVWriter.write(header: table.header, rows: table.rows, to: file)
            return file
        }
    }
}

extension FormsExport {
    /// Both forms in one table, for the hand-over's `forms.csv` (one county's records travel
    /// with its files): 届, 表 (附件1/附件2), 区县, then every label of 附件1 and those of 附件2
    /// that 附件1 does not print (联系人 is one column for both), each record's values under its labels.
    public static func combinedTable(_ records: [(round: String, record: CountyFormRecord)]) -> SheetTable {
        var labels: [String] = []
        for kind in FormKind.allCases { for field in kind.fields where !labels.contains(field.label) { labels.append(field.label) } }
        let rows = records.map { item -> [String] in
            let record = item.record.record
            var byLabel: [String: String] = [:]
            for field in record.form.fields { byLabel[field.label] = record[field.key] }
            return [item.round, "\(record.form.attachment) \(record.form.title)", item.record.county] + labels.map { byLabel[$0] ?? "" }
        }
        return SheetTable(name: "备案表", header: ["届", "表", countyColumn] + labels, rows: rows)
    }
}
