public import Foundation
import MediaFacts
internal import OfficeDocuments
internal import RegistrationForms

extension RegistrationForm {
    /// `--form`: the part's name (key-projects), the form's (key-project) or the notice's (附件1).
    public init?(naming text: String) {
        let given = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let form = Self.allCases.first(where: { form in
            [form.rawValue, form.part.rawValue, form.kind.attachment].contains(given)
        }) else { return nil }
        self = form
    }

    var kind: FormKind { FormKind(rawValue: rawValue)! }

    /// The form's fields in its order: JSON key and the Chinese label it prints.
    public var fields: [(key: String, label: String)] { kind.fields.map { ($0.key, $0.label) } }

    /// "附件1 重点项目备案表".
    public var title: String { "\(kind.attachment) \(kind.title)" }
}

extension FormStore {
    /// A record entered by hand (`forms add`): each of `assignments` is `FIELD=VALUE`, the field
    /// named by its JSON key or its label as the form prints it (项目名称=…, 项 目 名 称=…).
    /// Throws `ArchiveError.formInput` naming what is wrong; nothing is stored then.
    public func enter(form: RegistrationForm, county: County, round: Round, assignments: [String],
                      now: Date = Date()) throws -> FormRecord {
        var fields: [String: String] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(where: { $0 == "=" || $0 == "＝" }) else {
                throw ArchiveError.formInput(.notAnAssignment(assignment))
            }
            let name = String(assignment[..<equals]).trimmingCharacters(in: .whitespaces)
            guard let field = form.kind.field(named: name) else {
                throw ArchiveError.formInput(.unknownField(name, form: form.title, labels: form.kind.fields.map(\.label)))
            }
            guard fields[field.key] == nil else { throw ArchiveError.formInput(.fieldTwice(field.label)) }
            fields[field.key] = assignment[assignment.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard fields.values.contains(where: { !$0.isEmpty }) else { throw ArchiveError.formInput(.emptyRecord(form: form.title)) }
        let zone = settings.policy.zone
        let record = FormRecord(form: form, county: county.slug, round: round.id, entry: nil, fields: fields,
                                enteredAt: TimeStamp.iso8601(now, utcOffsetSeconds: zone.secondsFromGMT(for: now)))
        try add([record])
        return record
    }

    /// `forms export`: the round's records of `counties` (all when empty) as the bureau's
    /// consolidated tables — `.xlsx`: one workbook, a sheet per form; `.csv`: one file per form
    /// beside `url` (`名单.csv` → `名单-key-projects.csv`, `名单-open-institutions.csv`).
    /// Returns the files written and how many records they hold.
    public func export(round: String, counties: [County] = [], to url: URL) throws -> (files: [URL], records: Int) {
        let format = url.pathExtension.lowercased()
        guard format == "xlsx" || format == "csv" else { throw ArchiveError.formInput(.exportFormat(url.path)) }
        let records = try countyRecords(round: round, counties: counties)
        do {
            if format == "xlsx" {
                try FormsExport.writeXLSX(records, to: url)
                return ([url], records.count)
            }
            return (try FormsExport.writeCSV(records, to: url), records.count)
        } catch {
            throw ArchiveError.exportDestination(path: url.path, reason: .exportIncomplete(problem: Ingester.explain(error)))
        }
    }

    /// One county's records of `rounds` as the hand-over's `forms.csv` (both forms in one table,
    /// see `FormsExport.combinedTable`); nil when it has none.
    func handOverCSV(county: County, rounds: [String]) throws -> Data? {
        let rows = try rounds.flatMap { round in try countyRecords(round: round, counties: [county]).map { (round, $0) } }
        guard !rows.isEmpty else { return nil }
        let table = FormsExport.combinedTable(rows)
        return CSVWriter.data(header: table.header, rows: table.rows)
    }

    private func countyRecords(round: String, counties: [County]) throws -> [CountyFormRecord] {
        let shown = counties.isEmpty ? settings.counties.counties : counties
        return try shown.flatMap { county in
            try records(round: round, county: county).map { record in
                CountyFormRecord(county: county.name, record: RegistrationForms.FormRecord(
                    form: record.form.kind, values: record.fields, source: RecordSource(file: record.entry ?? "")))
            }
        }
    }
}

/// What is wrong with a record entered by hand or an export asked for (`ArchiveError.formInput`).
public enum FormInputProblem: Sendable, Hashable {
    case notAnAssignment(String)
    case unknownField(String, form: String, labels: [String])
    case fieldTwice(String)
    case emptyRecord(form: String)
    case exportFormat(String)
}
