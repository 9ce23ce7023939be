import Foundation
import MediaArchive
import PostgresNIO

/// The marks in PostgreSQL (migration 6 `item_marks`): one row per mark, appended, in order
/// (`seq`). No code path updates or deletes a row, and the table refuses both.
extension PostgresCatalogue: MarkStorage {
    public func marks(county: County) throws -> CountyMarks {
        CountyMarks(marks: try Self.decodeEach(ItemMark.self, texts(
            "SELECT mark FROM item_marks WHERE county = \(county.slug) ORDER BY seq")))
    }

    public func appendMark(_ mark: ItemMark, county: County) throws {
        try appendMarks([mark], county: county)
    }

    /// Appends several marks in one transaction (`migrate` copies a county's at once).
    func appendMarks(_ marks: [ItemMark], county: County) throws {
        try transaction(marks.map { mark in
            let json = try Self.storedJSON(mark)
            return "INSERT INTO item_marks (county, mark) VALUES (\(county.slug), \(json))"
        })
    }
}
