import Foundation
@testable import MediaArchive
import Testing
import TestSupport

/// `report`: what each county has handed in, and whether in time.
struct SubmissionReportTests {
    func report(_ archive: TestArchive) throws -> [CountyReport] {
        try SubmissionReport(settings: archive.settings).counties()
    }

    @Test func everyCountyInRegistryOrderEvenWithNothingSubmitted() throws {
        let archive = try TestArchive()
        try archive.ingest([("photo.jpg", "photo.jpg")], county: "shizhi")
        let reports = try report(archive)
        #expect(reports.map(\.county) == CountyRegistry.puyang.counties.map(\.slug))
        #expect(reports.map(\.name).first == "华龙区")
        let nanle = reports[2]
        #expect(nanle.items == 0 && nanle.deadline == .nothingSubmitted)
        #expect(nanle.firstIngest == nil && nanle.lastIngest == nil && nanle.videoMinutes == 0 && nanle.lateItems == 0)
        #expect(reports.last?.deadline == .onTime)
    }

    @Test func countsKindsMinutesFailuresAndWarnings() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4"), ("clip-181s.mp4", "b.mp4"), ("phone-rotated.mp4", "c.mp4"),
                            ("photo.jpg", "d.jpg"), ("summary.pdf", "e.pdf"), ("audio-only.mp4", "f.mp4")],
                           county: "hualong")
        let hualong = try report(archive)[0]
        #expect(hualong.items == 6)
        #expect(hualong.byKind == CountyReport.KindCounts(video: 3, photo: 1, document: 1, audio: 1, unknown: 0))
        // 179.9 + 181 + 3 seconds = 363.9 s = 6.065 minutes.
        #expect(hualong.videoMinutes == 6.1)
        // The 181 s clip is too long; sound alone is not an allowed kind.
        #expect(hualong.failing == 2)
        // photo.jpg was taken in 2024, outside the event window.
        #expect(hualong.warned == 1)
        #expect(hualong.firstIngest == "2021-05-25T10:00:00+08:00")
        #expect(hualong.deadline == .onTime && hualong.lateItems == 0)
    }

    @Test func theDeadlineDayIsInTimeAndTheNextDayIsLate() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4")], county: "qingfeng", at: TestArchive.duringTheWeek)
        try archive.ingest([("phone-rotated.mp4", "b.mp4")], county: "qingfeng", at: TestArchive.lastHourOfDeadline)
        #expect(try report(archive)[1].deadline == .onTime)

        try archive.ingest([("summary.pdf", "c.pdf")], county: "qingfeng", at: TestArchive.dayAfterDeadline)
        let qingfeng = try report(archive)[1]
        #expect(qingfeng.deadline == .late)
        #expect(qingfeng.lateItems == 1)
        #expect(qingfeng.firstIngest == "2021-05-25T10:00:00+08:00")
        #expect(qingfeng.lastIngest == "2021-06-05T00:00:00+08:00")
        #expect(qingfeng.warned == 1)
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let archive = try TestArchive()
        let encoder = JSONEncoder()
        let data = try encoder.encode(try report(archive))
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(objects.count == 10)
        #expect(Set(objects[0].keys) == ["county", "name", "items", "byKind", "videoMinutes", "failing", "warned",
                                         "firstIngest", "lastIngest", "deadline", "lateItems"])
        #expect(objects[0]["deadline"] as? String == "nothing submitted")
        #expect(objects[0]["firstIngest"] is NSNull)
        #expect(Set((objects[0]["byKind"] as? [String: Int] ?? [:]).keys) == ["video", "photo", "document", "audio", "unknown", "link"])
    }
}
