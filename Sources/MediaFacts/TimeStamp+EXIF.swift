/// EXIF's own time stamps: "YYYY:MM:DD HH:MM:SS" with separate SubSecTime and OffsetTime tags.
/// The Exif wrapper hands the tags up as written; this is where they are read.
extension TimeStamp {
    /// Parses "YYYY:MM:DD HH:MM:SS" (also tolerating "-" or "/" in the date and "T" between
    /// date and time, as some writers use), with the tag's SubSecTime and OffsetTime companions.
    /// Nil for blank or impossible values (month 13, February 30, "0000:00:00 00:00:00", an
    /// offset beyond ±14 hours). `hasFraction` is whether SubSecTime gave digits.
    public static func parseEXIF(_ text: String, subsecond: String? = nil, offset: String? = nil)
        -> (fields: Fields, offset: Int?, hasFraction: Bool)?
    {
        let groups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
        guard groups.count >= 6, groups[0].count == 4,
              let year = Int(groups[0]), let month = Int(groups[1]), let day = Int(groups[2]),
              let hour = Int(groups[3]), let minute = Int(groups[4]), let second = Int(groups[5]),
              (1...9999).contains(year), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let nanosecond = subsecond.flatMap(exifNanoseconds(fromSubsecond:))
        let utcOffset = offset.flatMap(exifUTCOffsetSeconds(from:))
        if let utcOffset, abs(utcOffset) > 14 * 3600 { return nil }
        let fields = Fields(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                            nanosecond: nanosecond ?? 0)
        return (fields, utcOffset, nanosecond != nil)
    }

    /// "054" → 54_000_000 ns; "12" → 120_000_000 ns (SubSecTime digits are a decimal fraction).
    static func exifNanoseconds(fromSubsecond text: String) -> Int? {
        let digits = trimmingPadding(text).prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty else { return nil }
        let kept = digits.prefix(9)
        return Int(kept + String(repeating: "0", count: 9 - kept.count))
    }

    /// "+08:00", "-05:00", "+0800", "Z" → seconds east of UTC; nil for blank or "  :  ".
    static func exifUTCOffsetSeconds(from text: String) -> Int? {
        let trimmed = trimmingPadding(text)
        if trimmed == "Z" { return 0 }
        guard let sign = trimmed.first, sign == "+" || sign == "-" else { return nil }
        let digits = trimmed.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), hours <= 14, minutes < 60
        else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Cut at the first NUL (EXIF pads its ASCII fields with them), then trimmed of whitespace.
    private static func trimmingPadding(_ text: String) -> Substring {
        let beforeNUL = text.prefix(while: { $0 != "\0" })
        guard let first = beforeNUL.firstIndex(where: { !$0.isWhitespace }),
              let last = beforeNUL.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return beforeNUL[first...last]
    }
}
