import Foundation
import Testing
@testable import MediaFacts

/// EXIF's date strings as the Exif wrapper hands them up, read by the one time-stamp parser.
@Suite("TimeStamp reads EXIF dates")
struct EXIFTimeStampTests {
    func stamp(_ text: String, subsecond: String? = nil, offset: String? = nil, assuming zoneOffset: Int = 0) -> String? {
        guard let time = TimeStamp.parseEXIF(text, subsecond: subsecond, offset: offset),
              let captured = CaptureTime.local(time.fields, utcOffsetSeconds: time.offset, zone: TimeZone(secondsFromGMT: zoneOffset)!,
                                               source: .none, hasFraction: time.hasFraction)
        else { return nil }
        return captured.iso8601
    }

    @Test("EXIF text with sub-seconds and offset becomes ISO 8601 with milliseconds")
    func fullTimestamp() throws {
        let time = try #require(TimeStamp.parseEXIF("2021:05:23 10:15:30", subsecond: "12", offset: "+08:00"))
        #expect(time.fields.nanosecond == 120_000_000)
        #expect(time.offset == 8 * 3600)
        #expect(time.hasFraction)
        #expect(stamp("2021:05:23 10:15:30", subsecond: "12", offset: "+08:00") == "2021-05-23T10:15:30.120+08:00")
    }

    @Test("Sub-second digits are a decimal fraction: leading zeros matter")
    func subsecondDigits() {
        #expect(TimeStamp.exifNanoseconds(fromSubsecond: "054") == 54_000_000)
        #expect(TimeStamp.exifNanoseconds(fromSubsecond: "5") == 500_000_000)
        #expect(TimeStamp.exifNanoseconds(fromSubsecond: "123456789123") == 123_456_789)
        #expect(TimeStamp.exifNanoseconds(fromSubsecond: "   ") == nil)
        #expect(TimeStamp.exifNanoseconds(fromSubsecond: "054\0\0") == 54_000_000)
    }

    @Test("Offsets: ±HH:MM, ±HHMM and Z; blanks and nonsense are absent")
    func offsets() {
        #expect(TimeStamp.exifUTCOffsetSeconds(from: "-05:00") == -5 * 3600)
        #expect(TimeStamp.exifUTCOffsetSeconds(from: "+0530") == 5 * 3600 + 30 * 60)
        #expect(TimeStamp.exifUTCOffsetSeconds(from: "Z") == 0)
        #expect(TimeStamp.exifUTCOffsetSeconds(from: "   :  ") == nil)
        #expect(TimeStamp.exifUTCOffsetSeconds(from: "+25:00") == nil)
        // Beyond ±14 hours the whole date is doubtful.
        #expect(TimeStamp.parseEXIF("2021:05:23 10:15:30", offset: "+14:30") == nil)
    }

    @Test("Impossible or blank dates are absent", arguments: [
        "0000:00:00 00:00:00", "", "    :  :     :  :  ", "2021:13:01 00:00:00", "2021:02:29 12:00:00",
        "2021:05:23 24:00:00", "2021:05:23", "garbage",
    ])
    func impossibleDates(text: String) {
        #expect(TimeStamp.parseEXIF(text) == nil)
    }

    @Test("Leap day and lenient separators are accepted")
    func lenientParsing() {
        #expect(TimeStamp.parseEXIF("2020:02:29 23:59:59") != nil)
        #expect(stamp("2021-05-23T10:15:30") == "2021-05-23T10:15:30+00:00")
        #expect(TimeStamp.parseEXIF("2021:05:23 10:15:30\0")?.fields.second == 30)
    }

    @Test("Without a stored offset the assumed zone is used, west of UTC too")
    func defaultOffset() {
        #expect(stamp("2021:05:28 23:59:59", assuming: 8 * 3600) == "2021-05-28T23:59:59+08:00")
        #expect(stamp("2021:05:28 23:59:59", assuming: -(3 * 3600 + 30 * 60)) == "2021-05-28T23:59:59-03:30")
    }

    @Test("The instant honours the written offset before the assumed zone")
    func epochSeconds() throws {
        let shanghai = try #require(TimeStamp.parseEXIF("2021:05:22 08:00:00", offset: "+08:00"))
        let utc = TimeZone(secondsFromGMT: 0)!
        #expect(shanghai.fields.date(utcOffsetSeconds: shanghai.offset, zone: utc)?.timeIntervalSince1970 == 1_621_641_600)
        let local = try #require(TimeStamp.parseEXIF("2021:05:22 08:00:00"))
        #expect(local.offset == nil)
        #expect(local.fields.date(utcOffsetSeconds: nil, zone: TimeZone(secondsFromGMT: 8 * 3600)!)?.timeIntervalSince1970
                == 1_621_641_600)
    }
}
