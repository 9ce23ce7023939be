import Foundation
import MediaArchive
import PostgresNIO

/// The registration-form records in PostgreSQL (migration 5 `form_records`): one row per record,
/// in the order entered (`seq`). Adding is an INSERT, so two servers adding records for one
/// county at once both keep theirs; the record's id is unique, so an import run twice adds nothing.
extension PostgresCatalogue: FormRecordStorage {
    public func formRecords(round: String, county: County) throws -> [FormRecord] {
        try Self.decodeEach(FormRecord.self, texts(
            "SELECT record FROM form_records WHERE county = \(county.slug) AND round = \(round) ORDER BY seq"))
    }

    public func addFormRecords(_ records: [FormRecord], round: String, county: County) throws {
        try transaction(records.map { record in
            let json = try Self.storedJSON(record)
            return "INSERT INTO form_records (id, county, round, record) VALUES (\(record.id), \(county.slug), \(round), \(json))"
        })
    }

    public func replaceFormRecord(id: String, round: String, county: County, with replacement: FormRecord?) throws -> Bool {
        let statement: PostgresQuery
        if let replacement {
            let json = try Self.storedJSON(replacement)
            statement = """
                UPDATE form_records SET id = \(replacement.id), record = \(json)
                WHERE id = \(id) AND county = \(county.slug) AND round = \(round) RETURNING seq
                """
        } else {
            statement = "DELETE FROM form_records WHERE id = \(id) AND county = \(county.slug) AND round = \(round) RETURNING seq"
        }
        return try transaction([statement]) == [1]
    }

    public func roundsWithFormRecords() throws -> [String] {
        try texts("SELECT DISTINCT round FROM form_records ORDER BY round")
    }
}
