/// A wall-clock time as a camera records it: calendar fields, optional fraction,
/// and the UTC offset only when the camera wrote one (EXIF 2.31 OffsetTime tags).
public struct ExifDateTime: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// Fraction of a second in nanoseconds, from the matching SubSecTime tag; nil when absent.
    public var nanosecond: Int?
    /// Offset from UTC in seconds, from the matching OffsetTime tag; nil when the camera wrote none.
    public var utcOffsetSeconds: Int?

    /// Fails for impossible values (month 13, February 30, "0000:00:00 00:00:00").
    public init?(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
        nanosecond: Int? = nil, utcOffsetSeconds: Int? = nil
    ) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysInMonth(month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        if let nanosecond, !(0..<1_000_000_000).contains(nanosecond) { return nil }
        if let utcOffsetSeconds, abs(utcOffsetSeconds) > 14 * 3600 { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Parses EXIF's "YYYY:MM:DD HH:MM:SS" (also tolerating "-" or "/" in the date and "T"
    /// between date and time, as some writers use). Nil for blank or impossible values.
    public init?(exifString: String, subsecond: String? = nil, offset: String? = nil) {
        let digitGroups = exifString.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
        guard digitGroups.count >= 6,
            let year = Int(digitGroups[0]), digitGroups[0].count == 4,
            let month = Int(digitGroups[1]), let day = Int(digitGroups[2]),
            let hour = Int(digitGroups[3]), let minute = Int(digitGroups[4]),
            let second = Int(digitGroups[5])
        else { return nil }
        self.init(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            nanosecond: subsecond.flatMap(Self.nanoseconds(fromSubsecond:)),
            utcOffsetSeconds: offset.flatMap(Self.utcOffsetSeconds(from:)))
    }

    /// ISO 8601 with milliseconds when a fraction is known, e.g. `2021-05-23T10:15:30.120+08:00`.
    /// `defaultOffsetSeconds` is used when the photo carries no offset (the policy's time zone).
    public func iso8601(defaultOffsetSeconds: Int) -> String {
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if let nanosecond { text += "." + pad(nanosecond / 1_000_000, 3) }
        let offset = utcOffsetSeconds ?? defaultOffsetSeconds
        let magnitude = abs(offset)
        text += (offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude % 3600 / 60, 2)
        return text
    }

    /// Seconds since 1970-01-01T00:00:00Z, using `defaultOffsetSeconds` when the photo carries no offset.
    public func secondsSince1970(defaultOffsetSeconds: Int) -> Double {
        let days = Self.daysSince1970(year: year, month: month, day: day)
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        let utc = local - (utcOffsetSeconds ?? defaultOffsetSeconds)
        return Double(utc) + Double(nanosecond ?? 0) / 1e9
    }

    /// EXIF-style text, e.g. `2021:05:23 10:15:30.12+08:00`.
    public var description: String {
        var text = "\(pad(year, 4)):\(pad(month, 2)):\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if let nanosecond { text += ".\(pad(nanosecond, 9))" }
        if let utcOffsetSeconds { text += " UTC\(utcOffsetSeconds >= 0 ? "+" : "")\(utcOffsetSeconds)s" }
        return text
    }

    /// "054" → 54_000_000 ns; "12" → 120_000_000 ns (SubSecTime digits are a decimal fraction).
    static func nanoseconds(fromSubsecond text: String) -> Int? {
        let digits = text.trimmingExifPadding().prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty else { return nil }
        let kept = digits.prefix(9)
        return Int(kept + String(repeating: "0", count: 9 - kept.count))
    }

    /// "+08:00", "-05:00", "+0800", "Z" → seconds east of UTC; nil for blank or "  :  ".
    static func utcOffsetSeconds(from text: String) -> Int? {
        let trimmed = text.trimmingExifPadding()
        if trimmed == "Z" { return 0 }
        guard let sign = trimmed.first, sign == "+" || sign == "-" else { return nil }
        let digits = trimmed.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)),
            hours <= 14, minutes < 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil: proleptic Gregorian, no Calendar or time zone database needed.
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
