import Foundation
@testable import MediaArchive
import Testing
import TestSupport

/// The audit log as the clerk reads it when a county says "we sent it on June 3".
struct AuditLogTests {
    let clerk = AuditActor(name: "南乐县 clerk", role: "clerk")
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    func event(_ day: Int, hour: Int = 10, county: String = "nanle", action: AuditAction = .ingestStored) -> AuditEvent {
        // 2021-06-<day> <hour>:00 in Puyang
        let date = Date(timeIntervalSince1970: 1_622_505_600 + Double((day - 1) * 86_400 + (hour - 8) * 3600))
        return AuditEvent(time: AuditLog.stamp(date, in: zone), who: clerk, action: action, county: county,
                          sha256: String(repeating: "ab", count: 32), file: "开幕式.mp4")
    }

    @Test func eventsAreReadBackByCountyAndDayInThePolicysZone() throws {
        let log = AuditLog(root: try Fixtures.temporaryFolder("audit"), zone: zone)
        try log.append(event(2))
        try log.append([event(3, hour: 7), event(3, hour: 23, county: "fanxian")])
        try log.append(event(4))
        let june3 = CalendarDay(2021, 6, 3)
        let onThe3rd = try log.events(county: "nanle", from: june3, to: june3).events
        #expect(onThe3rd.map(\.time) == ["2021-06-03T07:00:00+08:00"], "07:00 in Puyang is still June 2 in UTC; the log reads local days")
        #expect(try log.events().events.count == 4)
        #expect(try log.events(county: "fanxian").events.map(\.time) == ["2021-06-03T23:00:00+08:00"])
        #expect(try log.events(from: CalendarDay(2021, 6, 4)).events.count == 1)
    }

    @Test func eachMonthHasItsFileAndEarlierLinesAreNeverRewritten() throws {
        let root = try Fixtures.temporaryFolder("audit")
        let log = AuditLog(root: root, zone: zone)
        try log.append(event(1))
        let file = root.appendingPathComponent("audit/2021-06.jsonl")
        let before = try Data(contentsOf: file)
        try log.append(event(2))
        let after = try Data(contentsOf: file)
        #expect(after.starts(with: before), "appended, not rewritten")
        let line = try #require(String(data: after, encoding: .utf8)?.split(separator: "\n").last)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["time", "who", "action", "county", "sha256", "file"])
        #expect((json["who"] as? [String: String]) == ["name": "南乐县 clerk", "role": "clerk"])

        let may = Date(timeIntervalSince1970: 1_621_908_000)
        try log.append(AuditEvent(time: log.stamp(may), who: clerk, action: .tokenCreated))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("audit/2021-05.jsonl").path))
    }

    @Test func aTornLastLineIsReportedAndTheNextEventStillGetsItsOwnLine() throws {
        let root = try Fixtures.temporaryFolder("audit")
        let log = AuditLog(root: root, zone: zone)
        try log.append(event(1))
        // What a crash in the middle of a write leaves: half a line, no newline.
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("audit/2021-06.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"time":"2021-06-01T1"#.utf8))
        try handle.close()
        try log.append(event(2))
        let reading = try log.events()
        #expect(reading.events.count == 2)
        #expect(reading.unreadableLines == ["audit/2021-06.jsonl line 2"])
    }

    @Test func anIngestReceiptBecomesAnEventWithItsHashAndWhy() throws {
        let archive = try TestArchive()
        let receipts = try archive.ingest([("photo.jpg", "合影.jpg"), ("text.mp4", "假视频.mp4")], county: "nanle")
        let events = receipts.map { AuditEvent.ingest($0, by: .commandLine(), at: TestArchive.duringTheWeek, in: zone) }
        #expect(events[0].action == .ingestStored && events[0].sha256 == receipts[0].sha256?.hex)
        #expect(events[1].action == .ingestRejected && events[1].detail?.isEmpty == false)
        #expect(events[0].time == "2021-05-25T10:00:00+08:00")
        #expect(events[0].who.role == "cli" && !events[0].who.name.isEmpty)
    }
}
