import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// Ingest by round and part, links, and what `status` says a county still owes.
struct HandInTests {
    static let nanle = CountyRegistry.puyang.counties[2]

    static func ingest(_ fixture: String, as name: String? = nil, part: Part? = nil, round: Round? = nil,
                       into settings: ArchiveSettings, at date: Date = TestArchive.duringTheWeek, acceptFailing: Bool = false) throws -> IngestReceipt {
        var path = Fixtures.media(fixture)
        if let name {
            let copy = try Fixtures.temporaryFolder("hand-in").appendingPathComponent(name)
            try FileManager.default.copyItem(atPath: path, toPath: copy.path)
            path = copy.path
        }
        return try Ingester(settings: settings, county: nanle, round: round, part: part, acceptFailing: acceptFailing,
                            now: { date }).ingest(paths: [path])[0]
    }

    @Test("The same bytes for two parts are one object and two entries; for the same part, a duplicate")
    func oneObjectTwoEntries() throws {
        let archive = try TestArchive()
        let asPhoto = try Self.ingest("photo.jpg", into: archive.settings)
        let asReport = try Self.ingest("photo.jpg", part: .mediaReport, into: archive.settings)
        let again = try Self.ingest("photo.jpg", as: "同一张.jpg", into: archive.settings)
        #expect(asPhoto.status == .stored && asPhoto.part == .photo)
        #expect(asReport.status == .stored && asReport.part == .mediaReport)
        #expect(again.status == .duplicate)
        #expect(asPhoto.object == asReport.object)
        let entries = try archive.entries("nanle")
        #expect(entries.map(\.part).sorted { $0!.rawValue < $1!.rawValue } == [.mediaReport, .photo])
        #expect(entries.first { $0.part == .photo }?.originalNames == ["photo.jpg", "同一张.jpg"])
        let objects = try FileManager.default.subpathsOfDirectory(atPath: archive.root.appendingPathComponent("nanle/objects").path)
            .filter { $0.hasSuffix(".jpg") }
        #expect(objects.count == 1)
        #expect(try Verifier(settings: archive.settings).verify(counties: [], repair: false).checked == 1)
    }

    @Test("A document whose name says nothing is filed under other, with a warning saying how to name the part")
    func unknownPartWarns() throws {
        let archive = try TestArchive()
        let receipt = try Self.ingest("summary.pdf", as: "材料.pdf", into: archive.settings)
        #expect(receipt.part == .other)
        #expect(receipt.warnings.contains { $0.contains("was filed under other") && $0.contains("media-report") })
        let summary = try Self.ingest("summary.pdf", as: "南乐县科技周总结.pdf", into: archive.settings)
        #expect(summary.part == .summary && summary.warnings.isEmpty)
    }

    @Test("A round's own video limit applies: 3:01 fails a 3-minute round and passes a 4-minute one")
    func roundVideoLimit() throws {
        let archive = try TestArchive()
        var longer = archive.settings.rounds.rounds[0]
        longer.id = "long"
        longer.maxVideoSeconds = 240
        let strict = try Self.ingest("clip-181s.mp4", into: archive.settings)
        let lenient = try Self.ingest("clip-181s.mp4", round: longer, into: archive.settings)
        #expect(strict.status == .rejected && strict.verdict == .fail)
        #expect(lenient.status == .stored && lenient.verdict == .pass && lenient.round == "long")
    }

    @Test("Forms are late after the registration deadline, the rest after the deadline")
    func lateByPart() throws {
        let archive = try TestArchive()
        var round = archive.settings.rounds.rounds[0]
        round.registrationDeadline = CalendarDay(2021, 5, 15)
        let form = try Self.ingest("summary.pdf", as: "重点项目备案表.pdf", round: round, into: archive.settings)
        let summary = try Self.ingest("summary.pdf", as: "总结.pdf", round: round, into: archive.settings)
        #expect(form.warnings.contains { $0.contains("after the deadline 2021-05-15") })
        #expect(summary.warnings.allSatisfy { !$0.contains("after the deadline") })
    }

    @Test("A link is a media report with no stored file: catalogued, recognised again, left alone by verify")
    func links() throws {
        let archive = try TestArchive()
        let ingester = Ingester(settings: archive.settings, county: Self.nanle, now: { TestArchive.duringTheWeek })
        let link = try #require(MediaReportLink(url: "https://www.pyxw.cn/news/2021/0523.html", title: "南乐县科技周开幕",
                                                outlet: "濮阳日报", published: CalendarDay(2021, 5, 23)))
        let first = try ingester.ingest(link: link)
        let second = try ingester.ingest(link: link)
        #expect(first.status == .stored && first.kind == .link && first.part == .mediaReport && first.object == nil)
        #expect(second.status == .duplicate)
        let entry = try #require(try archive.entries("nanle").first)
        #expect(entry.url == "https://www.pyxw.cn/news/2021/0523.html" && entry.outlet == "濮阳日报" && entry.object == nil)
        let verify = try Verifier(settings: archive.settings).verify(counties: [], repair: false)
        #expect(verify.checked == 0 && verify.missing.isEmpty)
        #expect(MediaReportLink(url: "javascript:alert(1)", title: "x") == nil)
        #expect(MediaReportLink(url: "www.example.com", title: "x") == nil)
    }

    @Test("status: have/need per part, a failing video does not count, late marked, complete when all is met")
    func status() throws {
        let archive = try TestArchive()
        var round = archive.settings.rounds.rounds[0]
        round.requires = [.summary: 1, .photo: 1, .video: 1]
        _ = try Self.ingest("clip-181s.mp4", round: round, into: archive.settings, acceptFailing: true)
        _ = try Self.ingest("photo.jpg", round: round, into: archive.settings, at: TestArchive.dayAfterDeadline)
        var status = try HandInStatusReader(settings: archive.settings).status(round: round, counties: [Self.nanle]).counties[0]
        #expect(status.part(.video).have == 0 && status.part(.video).failing == 1)
        #expect(status.part(.photo).have == 1 && status.part(.photo).late == 1)
        #expect(status.missing == [.summary, .video])
        #expect(!status.complete)
        #expect(Wording(.en).stillOwes(status) == "南乐县 (nanle) still owes: summary (0 of 1), video (0 of 1)")
        #expect(Wording(.zh).stillOwes(status) == "南乐县：还缺 总结（0/1）、视频（0/1）")

        _ = try Self.ingest("summary.pdf", as: "总结.pdf", round: round, into: archive.settings)
        _ = try Self.ingest("clip-179.9s.mp4", round: round, into: archive.settings)
        status = try HandInStatusReader(settings: archive.settings).status(round: round, counties: [Self.nanle]).counties[0]
        #expect(status.complete && status.missing.isEmpty)
        #expect(status.part(.video).minutes == 3.0)
    }

    @Test("Form records count for their part: have is records, not files")
    func formRecordsCount() throws {
        let archive = try TestArchive()
        let round = archive.settings.rounds.rounds[0]
        _ = try Self.ingest("summary.pdf", as: "重点项目备案表.pdf", round: round, into: archive.settings)
        var status = try HandInStatusReader(settings: archive.settings).status(round: round, counties: [Self.nanle]).counties[0]
        #expect(status.part(.keyProjects).have == 0 && status.part(.keyProjects).files == 1)
        try FormStore(settings: archive.settings).add([
            FormRecord(form: .keyProject, county: "nanle", round: round.id, entry: nil,
                       fields: ["projectName": "科普大篷车进乡村"], enteredAt: "2021-05-10T09:00:00+08:00"),
            FormRecord(form: .keyProject, county: "nanle", round: round.id, entry: nil,
                       fields: ["projectName": "青少年机器人展"], enteredAt: "2021-05-10T09:00:00+08:00"),
        ])
        status = try HandInStatusReader(settings: archive.settings).status(round: round, counties: [Self.nanle]).counties[0]
        #expect(status.part(.keyProjects).have == 2 && status.part(.keyProjects).records == 2)
        #expect(!status.missing.contains(.keyProjects))
    }
}

/// A registration form handed in as a file is read into records as it is stored.
struct FormIngestTests {
    static func form(_ name: String) -> String {
        Fixtures.folder.appendingPathComponent("forms/\(name)").path
    }

    @Test("附件1 in Word: stored, read into its two projects, and counted by status as records")
    func wordFormIsRead() throws {
        let archive = try TestArchive()
        let round = archive.settings.rounds.rounds[0]
        let receipt = try Ingester(settings: archive.settings, county: HandInTests.nanle, now: { TestArchive.duringTheWeek })
            .ingest(paths: [Self.form("key-projects-nanle.docx")])[0]
        #expect(receipt.status == .stored && receipt.part == .keyProjects)
        #expect(receipt.warnings.contains("2 records read from the form"))
        let records = try FormStore(settings: archive.settings).records(round: round.id, county: HandInTests.nanle)
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.entry == receipt.sha256?.hex && $0.form == .keyProject && !($0.fields["projectName"] ?? "").isEmpty })
        let status = try HandInStatusReader(settings: archive.settings).status(round: round, counties: [HandInTests.nanle]).counties[0]
        #expect(status.part(.keyProjects).have == 2 && status.part(.keyProjects).files == 1)
    }

    @Test("A scanned form (PDF) is stored, with a warning to enter its records by hand")
    func scanIsStoredNotRead() throws {
        let archive = try TestArchive()
        let receipt = try Ingester(settings: archive.settings, county: HandInTests.nanle, part: .keyProjects,
                                   now: { TestArchive.duringTheWeek }).ingest(paths: [Self.form("scanned-form.pdf")])[0]
        #expect(receipt.status == .stored)
        #expect(receipt.warnings.contains { $0.contains("enter the records by hand") })
    }
}
