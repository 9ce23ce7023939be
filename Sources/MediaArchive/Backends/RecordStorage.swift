import Foundation

// Where the form records, the marks and the audit log are kept (issue 14). By default the
// archive folder's files (`forms/<round>/<county>.json`, `<county>/marks.jsonl`,
// `audit/YYYY-MM.jsonl`), read and written by `FormStore`, `MarkLog` and `AuditLog` exactly as
// before; with a PostgreSQL catalogue, its tables, so several servers on one database share
// them. `FormStore`, `MarkLog` and `AuditLog` stay the one way in: they hand over to one of
// these when they are given one.

/// A county's registration-form records per round.
public protocol FormRecordStorage: Sendable {
    /// The records of one county's round, in the order they were entered.
    func formRecords(round: String, county: County) throws -> [FormRecord]
    /// Adds records (all of this county and round); records added at the same moment by another
    /// process are kept too.
    func addFormRecords(_ records: [FormRecord], round: String, county: County) throws
    /// Replaces or removes (`replacement` nil) the record `id`; false when there is none.
    func replaceFormRecord(id: String, round: String, county: County, with replacement: FormRecord?) throws -> Bool
    /// Every round that holds a record, including rounds since removed from the settings.
    func roundsWithFormRecords() throws -> [String]
}

/// The withdraw, return and forms-reopened marks: appended, never rewritten.
public protocol MarkStorage: Sendable {
    /// Every mark of the county, oldest first.
    func marks(county: County) throws -> CountyMarks
    func appendMark(_ mark: ItemMark, county: County) throws
}

/// The audit log: appended, never rewritten or shortened.
public protocol AuditStorage: Sendable {
    /// Appends the events in order; returns once they are kept.
    func appendAuditEvents(_ events: [AuditEvent]) throws
    /// The events of `county` (slug; all when nil) on days `from`…`to` (inclusive, either
    /// open), oldest first.
    func auditEvents(county: String?, from: CalendarDay?, to: CalendarDay?) throws -> AuditLog.Reading
}

extension EntryCatalogue {
    /// The catalogue's own form, mark and audit tables, when it has them (PostgreSQL);
    /// nil means the archive folder's files.
    var formStorage: (any FormRecordStorage)? { self as? any FormRecordStorage }
    var markStorage: (any MarkStorage)? { self as? any MarkStorage }
}
