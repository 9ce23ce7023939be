import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive
import PostgresNIO

/// Form records, marks and the audit log behave the same whether they are the archive folder's
/// files or PostgreSQL's tables (issue 14): the same calls, the same answers; two writers at once
/// lose nothing; the marks and the audit log cannot be changed afterwards.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct RecordStorageContractTests {
    enum Kind: String, CaseIterable { case files, postgres }

    /// The same archive settings, with the records in the files or in a fresh database.
    static func backends(_ kind: Kind) throws -> (settings: ArchiveSettings, backends: StorageBackends, url: String?) {
        let settings = try ArchiveSettings.load(root: try Services.archiveFolder())
        guard kind == .postgres else { return (settings, StorageBackends(), nil) }
        let fresh = try Services.fresh()
        return (settings, StorageBackends(catalogue: fresh.catalogue), fresh.catalogueURL)
    }

    static func record(_ name: String, county: String = "nanle", round: String = "2021") -> FormRecord {
        FormRecord(form: .keyProject, county: county, round: round, entry: nil,
                   fields: ["projectName": name, "organizer": "科协 \"引号\" / 斜"], enteredAt: "2021-05-10T09:00:00+08:00")
    }

    @Test(arguments: Kind.allCases)
    func formRecordsAreListedAddedReplacedAndRemoved(kind: Kind) throws {
        let (settings, backends, _) = try Self.backends(kind)
        let forms = backends.forms(settings)
        let nanle = try settings.counties.resolve("nanle")
        let (first, second, other) = (Self.record("科普大篷车"), Self.record("院士报告会"), Self.record("别县", county: "fanxian"))
        try forms.add([first, second, other])
        #expect(try forms.records(round: "2021", county: nanle) == [first, second])
        #expect(try forms.records(round: "2022", county: nanle) == [])
        var changed = second
        changed.fields["venue"] = "南乐县文化广场"
        #expect(try forms.update(id: second.id, round: "2021", county: nanle, to: changed))
        #expect(try forms.update(id: first.id, round: "2021", county: nanle, to: nil))
        #expect(try !forms.update(id: "000000000000", round: "2021", county: nanle, to: nil))
        // A record of another county is not reached through this one.
        #expect(try !forms.update(id: other.id, round: "2021", county: nanle, to: nil))
        #expect(try forms.records(round: "2021", county: nanle) == [changed])
        // Every county: registry order (nanle before fanxian).
        #expect(try forms.records(round: "2021", counties: []).map(\.id) == [changed.id, other.id])
    }

    @Test(arguments: Kind.allCases)
    func marksAreReadBackInOrder(kind: Kind) throws {
        let (settings, backends, _) = try Self.backends(kind)
        let log = backends.marks(settings)
        let nanle = try settings.counties.resolve("nanle")
        let sha = SHA256Hash(hex: String(repeating: "ab", count: 32))!
        let marks = [
            ItemMark(time: "2021-06-01T10:00:00+08:00", mark: .withdrawn, round: "2021", sha256: sha, part: .photo, by: .commandLine()),
            ItemMark(time: "2021-06-02T10:00:00+08:00", mark: .returned, round: "2021", sha256: sha, part: .video,
                     note: "请重新剪辑 \"3 分钟\"", by: .commandLine()),
            ItemMark(time: "2021-06-03T10:00:00+08:00", mark: .formsReopened, round: "2021", by: .commandLine()),
        ]
        for mark in marks { try log.append(mark, county: nanle) }
        let read = try log.marks(county: nanle)
        #expect(read.marks == marks)
        #expect(read.formsReopened(round: "2021"))
        #expect(try log.marks(county: settings.counties.resolve("fanxian")).marks.isEmpty)
    }

    @Test(arguments: Kind.allCases)
    func auditEventsAreFilteredByCountyAndDay(kind: Kind) throws {
        let (settings, backends, _) = try Self.backends(kind)
        let log = backends.audit(settings)
        let events = [
            AuditEvent(time: "2021-05-30T23:59:59+08:00", who: .commandLine(), action: .formAdded, county: "nanle", detail: "a"),
            AuditEvent(time: "2021-06-01T00:00:00+08:00", who: .commandLine(), action: .itemWithdrawn, county: "fanxian"),
            AuditEvent(time: "2021-06-02T08:00:00+08:00", who: .commandLine(), action: .tokenCreated, detail: "token x"),
            AuditEvent(time: "2021-07-01T08:00:00+08:00", who: .commandLine(), action: .formAdded, county: "nanle", detail: "b"),
        ]
        try log.append(Array(events[0..<2]))
        try log.append(Array(events[2...]))
        #expect(try log.events().events == events)
        #expect(try log.events(county: "nanle").events == [events[0], events[3]])
        #expect(try log.events(from: CalendarDay(2021, 6, 1), to: CalendarDay(2021, 6, 30)).events == [events[1], events[2]])
        #expect(try log.events(county: "nanle", from: CalendarDay(2021, 6, 1)).events == [events[3]])
        #expect(throws: AuditLogError.self) {
            try log.append(AuditEvent(time: "yesterday", who: .commandLine(), action: .formAdded))
        }
    }

    @Test(arguments: Kind.allCases)
    func twoWritersAtOnceLoseNoRecordAndNoMark(kind: Kind) async throws {
        let (settings, backends, url) = try Self.backends(kind)
        let nanle = try settings.counties.resolve("nanle")
        // PostgreSQL: each writer its own catalogue (its own connections), as two servers have.
        let writers = try (0..<2).map { _ -> StorageBackends in
            guard let url else { return backends }
            return StorageBackends(catalogue: try PostgresCatalogue(url: url))
        }
        let each = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, writer) in writers.enumerated() {
                group.addTask {
                    for number in 0..<each {
                        try writer.forms(settings).add([Self.record("writer \(index) record \(number)")])
                        try writer.marks(settings).append(ItemMark(time: "2021-06-01T10:00:00+08:00", mark: .withdrawn, round: "2021",
                                                                   sha256: SHA256Hash(hex: String(repeating: "c", count: 64))!, part: .photo,
                                                                   note: "\(index)-\(number)", by: .commandLine()), county: nanle)
                        try writer.audit(settings).append(AuditEvent(time: "2021-06-01T10:00:00+08:00", who: .commandLine(),
                                                                     action: .formAdded, county: "nanle", detail: "\(index)-\(number)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        let names = Set(try backends.forms(settings).records(round: "2021", county: nanle).compactMap { $0.fields["projectName"] })
        #expect(names.count == 2 * each)
        #expect(Set(try backends.marks(settings).marks(county: nanle).marks.compactMap(\.note)).count == 2 * each)
        #expect(Set(try backends.audit(settings).events().events.compactMap(\.detail)).count == 2 * each)
    }

    @Test func theDatabaseRefusesToChangeMarksOrTheAuditLog() throws {
        let (settings, backends, _) = try Self.backends(.postgres)
        let nanle = try settings.counties.resolve("nanle")
        try backends.marks(settings).append(ItemMark(time: "2021-06-01T10:00:00+08:00", mark: .formsReopened, round: "2021",
                                                     by: .commandLine()), county: nanle)
        try backends.audit(settings).append(AuditEvent(time: "2021-06-01T10:00:00+08:00", who: .commandLine(), action: .formAdded))
        let database = try #require(backends.catalogue as? PostgresCatalogue)
        for statement in ["UPDATE item_marks SET mark = '{}'", "DELETE FROM item_marks", "TRUNCATE item_marks",
                          "UPDATE audit_events SET event = '{}'", "DELETE FROM audit_events", "TRUNCATE audit_events"] {
            #expect(throws: (any Error).self, "\(statement)") { try database.transaction([PostgresQuery(unsafeSQL: statement)]) }
        }
        #expect(try backends.marks(settings).marks(county: nanle).marks.count == 1)
        #expect(try backends.audit(settings).events().events.count == 1)
    }
}
