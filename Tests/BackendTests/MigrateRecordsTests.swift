import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive

/// `migrate` takes the records along with the entries: form records, marks, the audit log and
/// the access tokens arrive in the target, a rerun adds none of them twice, and what the target
/// already holds is never changed (issue 14).
struct MigrateRecordsTests {
    /// Everything a clerk would miss after a move, read through the seams every command uses.
    struct Records: Equatable {
        var forms: [FormRecord]
        var marks: [ItemMark]
        var audit: [AuditEvent]
        var tokens: [AccessToken]

        init(_ backends: StorageBackends, _ settings: ArchiveSettings) throws {
            let forms = backends.forms(settings)
            self.forms = try ["2021", "2022"].flatMap { try forms.records(round: $0) }
            let log = backends.marks(settings)
            marks = try settings.counties.counties.flatMap { try log.marks(county: $0).marks }
            audit = try backends.audit(settings).events().events
            tokens = try backends.tokens(settings).all()
        }
    }

    static func record(_ name: String, county: String, round: String) -> FormRecord {
        FormRecord(form: .keyProject, county: county, round: round, entry: nil,
                   fields: ["projectName": name, "organizer": "科协 \"引号\""], enteredAt: "2021-05-10T09:00:00+08:00")
    }

    /// An archive folder with one entry and some of every record; returns a clerk token's secret.
    static func archiveWithRecords(_ settings: ArchiveSettings) throws -> String {
        let nanle = try settings.counties.resolve("nanle")
        let receipts = try Ingester(settings: settings, county: nanle).ingest(paths: try Services.distinctDocuments(1, tag: "records"))
        let sha = try #require(receipts.first?.sha256)
        let source = StorageBackends()
        try source.forms(settings).add([record("科普大篷车进乡村", county: "nanle", round: "2021"),
                                         record("院士报告会", county: "nanle", round: "2021"),
                                         record("开放日", county: "fanxian", round: "2022")])
        let marks = source.marks(settings)
        try marks.append(ItemMark(time: "2021-06-01T10:00:00+08:00", mark: .returned, round: "2021", sha256: sha, part: .summary,
                                  note: "请补充盖章页", by: .commandLine()), county: nanle)
        try marks.append(ItemMark(time: "2021-06-02T10:00:00+08:00", mark: .formsReopened, round: "2021", by: .commandLine()), county: nanle)
        let event = AuditEvent(time: "2021-06-02T08:00:00+08:00", who: .commandLine(), action: .formsReopened, county: "nanle")
        // The same line twice (two reopenings in one second) is two events, and both arrive.
        try source.audit(settings).append([event, event])
        return try source.tokens(settings).create(role: .clerk, name: "clerk-wang").secret
    }

    @Test func aFolderMigratedIntoAnotherFolderKeepsEveryRecord() throws {
        let settings = try ArchiveSettings.load(root: try Services.archiveFolder())
        let secret = try Self.archiveWithRecords(settings)
        let before = try Records(StorageBackends(), settings)
        #expect(before.forms.count == 3 && before.marks.count == 2 && before.tokens.count == 1)

        let targetRoot = try Fixtures.temporaryFolder("target").appendingPathComponent("archive")
        let first = try ArchiveMigration(settings: settings, source: StorageBackends(), target: StorageBackends(), targetRoot: targetRoot).run()
        #expect(first.failures.isEmpty, "\(first.failures)")
        #expect(first.formRecordsCopied == 3 && first.marksCopied == 2 && first.tokensCopied == 1)
        #expect(first.auditEventsCopied == before.audit.count)
        let moved = try ArchiveSettings.load(root: targetRoot)
        #expect(try Records(StorageBackends(), moved) == before)
        // The clerk logs in to the new archive with the secret of the old one.
        #expect(try StorageBackends().tokens(moved).verify(secret: secret)?.name == "clerk-wang")
        // The returned item still does not count there.
        let status = try HandInStatusReader(settings: moved).status(round: try #require(moved.rounds.round(id: "2021")))
        #expect(try SameResultsTests().json(status) == SameResultsTests().json(HandInStatusReader(settings: settings).status(round: try #require(settings.rounds.round(id: "2021")))))

        let again = try ArchiveMigration(settings: settings, source: StorageBackends(), target: StorageBackends(), targetRoot: targetRoot).run()
        #expect(again.failures.isEmpty)
        #expect(again.formRecordsCopied == 0 && again.marksCopied == 0 && again.auditEventsCopied == 0 && again.tokensCopied == 0)
        #expect(try Records(StorageBackends(), moved) == before)
    }

    @Test func aRecordTheTargetHoldsOtherwiseIsKeptAndReported() throws {
        let settings = try ArchiveSettings.load(root: try Services.archiveFolder())
        _ = try Self.archiveWithRecords(settings)
        let targetRoot = try Fixtures.temporaryFolder("target").appendingPathComponent("archive")
        _ = try ArchiveMigration(settings: settings, source: StorageBackends(), target: StorageBackends(), targetRoot: targetRoot).run()
        let moved = try ArchiveSettings.load(root: targetRoot)
        let nanle = try moved.counties.resolve("nanle")
        // A clerk corrects a record in the new archive; the old one is migrated again.
        var corrected = try #require(try StorageBackends().forms(moved).records(round: "2021", county: nanle).first)
        corrected.fields["venue"] = "南乐县文化广场"
        #expect(try StorageBackends().forms(moved).update(id: corrected.id, round: "2021", county: nanle, to: corrected))

        let again = try ArchiveMigration(settings: settings, source: StorageBackends(), target: StorageBackends(), targetRoot: targetRoot).run()
        #expect(again.failures.count == 1)
        #expect(again.failures.first?.contains("form record \(corrected.id) of round 2021") == true)
        #expect(again.formRecordsCopied == 0)
        #expect(try StorageBackends().forms(moved).records(round: "2021", county: nanle).first == corrected)
    }
}

/// The same between the archive folder and PostgreSQL, both ways, against the real database.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct MigrateRecordsOnPostgresTests {
    @Test func recordsGoIntoPostgresAndBackUnchanged() throws {
        let (store, catalogue, _, _) = try Services.fresh()
        let settings = try ArchiveSettings.load(root: try Services.archiveFolder())
        let secret = try MigrateRecordsTests.archiveWithRecords(settings)
        let before = try MigrateRecordsTests.Records(StorageBackends(), settings)
        let remote = StorageBackends(store: store, catalogue: catalogue)

        let into = try ArchiveMigration(settings: settings, source: StorageBackends(), target: remote).run()
        #expect(into.failures.isEmpty, "\(into.failures)")
        #expect(into.formRecordsCopied == 3 && into.marksCopied == 2 && into.tokensCopied == 1)
        #expect(try MigrateRecordsTests.Records(remote, settings) == before)
        #expect(try remote.tokens(settings).verify(secret: secret)?.name == "clerk-wang")
        let again = try ArchiveMigration(settings: settings, source: StorageBackends(), target: remote).run()
        #expect(again.formRecordsCopied + again.marksCopied + again.auditEventsCopied + again.tokensCopied == 0)
        #expect(try MigrateRecordsTests.Records(remote, settings) == before)

        // Back into a new folder: the records come from PostgreSQL, not from the old folder's files.
        let extra = MigrateRecordsTests.record("只在数据库里", county: "nanle", round: "2022")
        try remote.forms(settings).add([extra])
        let backRoot = try Fixtures.temporaryFolder("back").appendingPathComponent("archive")
        let back = try ArchiveMigration(settings: settings, source: remote, target: StorageBackends(), targetRoot: backRoot).run()
        #expect(back.failures.isEmpty, "\(back.failures)")
        let returned = try ArchiveSettings.load(root: backRoot)
        var expected = before
        expected.forms = try MigrateRecordsTests.Records(remote, settings).forms
        #expect(expected.forms.contains(extra))
        let got = try MigrateRecordsTests.Records(StorageBackends(), returned)
        #expect(got == expected)
    }
}
