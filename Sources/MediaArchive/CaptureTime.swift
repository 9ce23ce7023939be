import Foundation

/// When something was captured: an instant, written ISO 8601 with the UTC offset that applies,
/// and where that came from (`capturedAtSource`).
public struct CaptureTime: Sendable, Equatable {
    public var date: Date
    /// Seconds east of UTC that the time is written in.
    public var utcOffsetSeconds: Int
    /// e.g. `exif-offset`, `exif-local-assumed-zone`, `quicktime-local`, `quicktime-utc`.
    public var source: String
    /// Whether to write milliseconds (when the file gives sub-second precision).
    public var hasFraction: Bool

    public init(date: Date, utcOffsetSeconds: Int, source: String, hasFraction: Bool = false) {
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
        self.source = source
        self.hasFraction = hasFraction
    }

    /// "2021-05-23T10:15:30+08:00" (or "…30.120+08:00").
    public var iso8601: String {
        let zone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year!, parts.month!, parts.day!,
                          parts.hour!, parts.minute!, parts.second!)
        if hasFraction {
            text += String(format: ".%03d", min(999, Int((Double(parts.nanosecond ?? 0) / 1_000_000).rounded())))
        }
        let offset = abs(utcOffsetSeconds)
        text += String(format: "%@%02d:%02d", utcOffsetSeconds < 0 ? "-" : "+", offset / 3600, (offset % 3600) / 60)
        return text
    }

    /// Local wall-clock fields plus an optional offset; without one, `zone` (the policy's) is
    /// assumed. Returns nil for impossible dates.
    public static func local(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                             nanosecond: Int = 0, utcOffsetSeconds: Int?, zone: TimeZone,
                             source: String, hasFraction: Bool = false) -> CaptureTime? {
        guard (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second), year > 1900 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utcOffsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                        second: second, nanosecond: nanosecond)
        guard let date = calendar.date(from: components) else { return nil }
        let offset = utcOffsetSeconds ?? zone.secondsFromGMT(for: date)
        return CaptureTime(date: date, utcOffsetSeconds: offset, source: source, hasFraction: hasFraction)
    }

    /// Parses ISO 8601 as cameras write it: "2021-05-23T10:15:30+0800", "…30.000000Z",
    /// "2021-05-23 10:15:30" (no offset: `zone` is assumed). Returns the time and whether the
    /// text carried its own offset.
    static func parseISO8601(_ text: String, zone: TimeZone) -> (time: Date, offset: Int, explicit: Bool, fraction: Bool)? {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$"#
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: try! Regex(pattern)) else { return nil }
        func number(_ index: Int) -> Int? {
            match.output[index].substring.flatMap { Int($0) }
        }
        guard let year = number(1), let month = number(2), let day = number(3),
              let hour = number(4), let minute = number(5) else { return nil }
        let fractionText = match.output[7].substring.map(String.init)
        let nanos = fractionText.map { Int((Double("0." + $0) ?? 0) * 1_000_000_000) } ?? 0
        var offset: Int? = nil
        if let zoneText = match.output[8].substring.map(String.init) {
            if zoneText == "Z" {
                offset = 0
            } else {
                let digits = zoneText.dropFirst().replacingOccurrences(of: ":", with: "")
                let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.suffix(2)) ?? 0
                offset = (zoneText.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
        }
        guard let time = local(year: year, month: month, day: day, hour: hour, minute: minute, second: number(6) ?? 0,
                               nanosecond: nanos, utcOffsetSeconds: offset, zone: zone, source: "") else { return nil }
        return (time.date, time.utcOffsetSeconds, offset != nil, fractionText != nil)
    }
}
