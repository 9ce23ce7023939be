/// Where in the handed-in file a record was read.
public struct RecordSource: Sendable, Equatable, Codable {
    /// The file's name as handed in.
    public var file: String
    /// The sheet's name (XLSX), or nil for a Word document.
    public var sheet: String?
    /// 1-based table number in a Word document, or nil for a sheet.
    public var table: Int?
    /// 1-based row of the table or sheet, for a record read from a row under a header; nil for
    /// a label/value form that fills a whole table.
    public var row: Int?

    public init(file: String, sheet: String? = nil, table: Int? = nil, row: Int? = nil) {
        self.file = file
        self.sheet = sheet
        self.table = table
        self.row = row
    }
}

/// One filled-in form: a key project or an open institution.
public struct FormRecord: Sendable, Equatable, Codable {
    public var form: FormKind
    /// The form's keys in the form's order, each with its value ("" when the form left it empty).
    public var fields: [(key: String, value: String)] {
        form.fields.map { ($0.key, values[$0.key] ?? "") }
    }
    /// Values by JSON key; keys not read are absent.
    public var values: [String: String]
    public var source: RecordSource
    /// What a clerk should check, e.g. labels the form did not have.
    public var warnings: [String]

    public init(form: FormKind, values: [String: String], source: RecordSource, warnings: [String] = []) {
        self.form = form
        self.values = values
        self.source = source
        self.warnings = warnings
    }

    public subscript(key: String) -> String { values[key] ?? "" }

    public static func == (a: FormRecord, b: FormRecord) -> Bool {
        a.form == b.form && a.values == b.values && a.source == b.source && a.warnings == b.warnings
    }
}

/// What became of a handed-in file: records read from it, or the reason it was not read.
public enum FormReadOutcome: Sendable, Equatable {
    case read([FormRecord])
    /// "not read — enter the records by hand", with why (a PDF, a scan, a refused or damaged file).
    case notRead(reason: String)

    public var records: [FormRecord] { if case .read(let records) = self { records } else { [] } }

    /// The sentence for the clerk.
    public var message: String {
        switch self {
        case .read(let records): "read \(records.count) record\(records.count == 1 ? "" : "s")"
        case .notRead(let reason): "not read — enter the records by hand: \(reason)"
        }
    }
}
