import Foundation
@testable import MediaArchive
import MediaFacts
import Testing

/// The report's own reading of ingest stamps must agree with Foundation's ISO 8601 parser,
/// which it replaced for speed, and put each stamp on the right day of the policy's zone.
struct IngestClockTests {
    let shanghai = IngestClock(zone: TimeZone(identifier: "Asia/Shanghai")!)

    @Test(arguments: ["2021-06-04T23:59:59+08:00", "2021-06-04T16:00:00Z", "2021-06-05T00:00:00+08:00",
                      "1999-12-31T23:30:00-05:30", "2024-02-29T12:00:00+00:00", "2021-06-04T10:00:00.250+08:00"])
    func readsTheToolsStampsAsFoundationDoes(_ stamp: String) {
        let foundation = ISO8601DateFormatter()
        if stamp.contains(".") { foundation.formatOptions.insert(.withFractionalSeconds) }
        #expect(shanghai.instant(stamp) == foundation.date(from: stamp), "\(stamp)")
    }

    @Test func theDayIsTheDayInThePolicysZone() {
        // 16:30 UTC on 4 June is 00:30 on 5 June in Shanghai: after a 4 June deadline.
        let stamp = "2021-06-04T16:30:00Z"
        #expect(shanghai.day(of: stamp, at: shanghai.instant(stamp)) == CalendarDay(2021, 6, 5))
        let inTime = "2021-06-04T23:59:59+08:00"
        #expect(shanghai.day(of: inTime, at: shanghai.instant(inTime)) == CalendarDay(2021, 6, 4))
    }

    @Test(arguments: ["2021-06-04", "2021-06-04T25:00:00+08:00", "2021-13-04T10:00:00+08:00", "2021-02-29T10:00:00+08:00", "yesterday", ""])
    func notAStampIsNotGuessed(_ text: String) {
        #expect(TimeStamp.parseStamp(text) == nil, "\(text)")
    }
}
