import Foundation
import Testing
@testable import MediaArchive

/// `migrate --json`'s summary: what one version prints, another reads; per-county summaries add up.
struct MigrationSummaryTests {
    @Test func aSummaryWithoutTheRecordCountsReadsThemAsNone() throws {
        // As printed before form records, marks, audit events and tokens were copied.
        let printed = #"{"entries":3,"entriesAdded":2,"entriesFailed":1,"objectsCopied":2,"objectsAlreadyThere":0,"objectsVerified":2,"thumbnailsCopied":1,"failures":["hualong: ab: gone"]}"#
        let summary = try JSONDecoder().decode(ArchiveMigration.Summary.self, from: Data(printed.utf8))
        #expect(summary.entries == 3 && summary.entriesAdded == 2 && summary.entriesFailed == 1)
        #expect(summary.objectsVerified == 2 && summary.thumbnailsCopied == 1 && summary.failures == ["hualong: ab: gone"])
        #expect(summary.formRecordsCopied == 0 && summary.marksCopied == 0 && summary.auditEventsCopied == 0 && summary.tokensCopied == 0)
    }

    @Test func everyCountSurvivesPrintingAndReadingAndAddsUp() throws {
        var one = ArchiveMigration.Summary()
        one.entries = 1; one.entriesAdded = 2; one.entriesFailed = 3; one.objectsCopied = 4
        one.objectsAlreadyThere = 5; one.objectsVerified = 6; one.thumbnailsCopied = 7
        one.formRecordsCopied = 8; one.marksCopied = 9; one.auditEventsCopied = 10; one.tokensCopied = 11
        one.failures = ["a"]
        let read = try JSONDecoder().decode(ArchiveMigration.Summary.self, from: JSONEncoder().encode(one))
        #expect(read == one)

        var total = one
        total.merge(one)
        #expect(total.failures == ["a", "a"])
        #expect([total.entries, total.entriesAdded, total.entriesFailed, total.objectsCopied, total.objectsAlreadyThere,
                 total.objectsVerified, total.thumbnailsCopied, total.formRecordsCopied, total.marksCopied,
                 total.auditEventsCopied, total.tokensCopied] == Array(stride(from: 2, through: 22, by: 2)))
    }
}
