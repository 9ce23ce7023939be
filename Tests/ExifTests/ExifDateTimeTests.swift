import Testing

@testable import Exif

@Suite("ExifDateTime")
struct ExifDateTimeTests {
    @Test("EXIF text with sub-seconds and offset becomes ISO 8601 with milliseconds")
    func fullTimestamp() throws {
        let time = try #require(ExifDateTime(exifString: "2021:05:23 10:15:30", subsecond: "12", offset: "+08:00"))
        #expect(time.iso8601(defaultOffsetSeconds: 0) == "2021-05-23T10:15:30.120+08:00")
        #expect(time.nanosecond == 120_000_000)
        #expect(time.utcOffsetSeconds == 8 * 3600)
    }

    @Test("Sub-second digits are a decimal fraction: leading zeros matter")
    func subsecondDigits() {
        #expect(ExifDateTime.nanoseconds(fromSubsecond: "054") == 54_000_000)
        #expect(ExifDateTime.nanoseconds(fromSubsecond: "5") == 500_000_000)
        #expect(ExifDateTime.nanoseconds(fromSubsecond: "123456789123") == 123_456_789)
        #expect(ExifDateTime.nanoseconds(fromSubsecond: "   ") == nil)
        #expect(ExifDateTime.nanoseconds(fromSubsecond: "054\0\0") == 54_000_000)
    }

    @Test("Offsets: ±HH:MM, ±HHMM and Z; blanks and nonsense are absent")
    func offsets() {
        #expect(ExifDateTime.utcOffsetSeconds(from: "-05:00") == -5 * 3600)
        #expect(ExifDateTime.utcOffsetSeconds(from: "+0530") == 5 * 3600 + 30 * 60)
        #expect(ExifDateTime.utcOffsetSeconds(from: "Z") == 0)
        #expect(ExifDateTime.utcOffsetSeconds(from: "   :  ") == nil)
        #expect(ExifDateTime.utcOffsetSeconds(from: "+25:00") == nil)
    }

    @Test("Impossible or blank dates are absent", arguments: [
        "0000:00:00 00:00:00", "", "    :  :     :  :  ", "2021:13:01 00:00:00", "2021:02:29 12:00:00",
        "2021:05:23 24:00:00", "2021:05:23", "garbage",
    ])
    func impossibleDates(text: String) {
        #expect(ExifDateTime(exifString: text) == nil)
    }

    @Test("Leap day and lenient separators are accepted")
    func lenientParsing() {
        #expect(ExifDateTime(exifString: "2020:02:29 23:59:59") != nil)
        #expect(ExifDateTime(exifString: "2021-05-23T10:15:30")?.iso8601(defaultOffsetSeconds: 0) == "2021-05-23T10:15:30+00:00")
        #expect(ExifDateTime(exifString: "2021:05:23 10:15:30\0")?.second == 30)
    }

    @Test("Without a stored offset the caller's default zone is used, west of UTC too")
    func defaultOffset() throws {
        let time = try #require(ExifDateTime(exifString: "2021:05:28 23:59:59"))
        #expect(time.iso8601(defaultOffsetSeconds: 8 * 3600) == "2021-05-28T23:59:59+08:00")
        #expect(time.iso8601(defaultOffsetSeconds: -(3 * 3600 + 30 * 60)) == "2021-05-28T23:59:59-03:30")
    }

    @Test("Seconds since 1970 honour the offset")
    func epochSeconds() throws {
        let shanghai = try #require(ExifDateTime(exifString: "2021:05:22 08:00:00", offset: "+08:00"))
        #expect(shanghai.secondsSince1970(defaultOffsetSeconds: 0) == 1_621_641_600)  // 2021-05-22T00:00:00Z
        let local = try #require(ExifDateTime(exifString: "2021:05:22 08:00:00"))
        #expect(local.secondsSince1970(defaultOffsetSeconds: 8 * 3600) == 1_621_641_600)
    }
}
