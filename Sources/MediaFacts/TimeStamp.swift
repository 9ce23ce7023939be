public import Foundation

/// The one reader and writer of time stamps: EXIF's "YYYY:MM:DD HH:MM:SS", QuickTime's and
/// cameras' ISO 8601, and the tool's own ingest stamps (a fast path for reports over a million
/// entries). Calendar arithmetic is proleptic Gregorian, done here without Foundation's Calendar.
public enum TimeStamp {
    /// Calendar and clock fields as a file writes them, before any zone is applied.
    public struct Fields: Sendable, Equatable {
        public var year, month, day, hour, minute, second: Int
        public var nanosecond: Int

        public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
            (self.year, self.month, self.day, self.hour, self.minute, self.second, self.nanosecond)
                = (year, month, day, hour, minute, second, nanosecond)
        }

        /// False for month 13, February 30, hour 24 and the like.
        public var isPossible: Bool {
            (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
                && (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second) && year > 1900
        }

        /// The instant these fields name at `utcOffsetSeconds`, else in `zone`; nil when impossible.
        public func date(utcOffsetSeconds: Int?, zone: TimeZone) -> Date? {
            guard isPossible else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            // Foundation's rules for wall-clock times that a zone skips or repeats (summer time).
            calendar.timeZone = utcOffsetSeconds.flatMap { TimeZone(secondsFromGMT: $0) } ?? zone
            return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute,
                                                      second: second, nanosecond: nanosecond))
        }
    }

    /// ISO 8601 as cameras write it: "2021-05-23T10:15:30+0800", "…30.000000Z",
    /// "2021-05-23 10:15:30" (no offset). The fields, the offset when the text has one, and
    /// whether it had a fraction.
    public static func parseISO8601(_ text: String) -> (fields: Fields, offset: Int?, hasFraction: Bool)? {
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: iso8601Pattern) else { return nil }
        func number(_ part: Substring?) -> Int? { part.flatMap { Int($0) } }
        guard let year = number(match.output.1), let month = number(match.output.2), let day = number(match.output.3),
              let hour = number(match.output.4), let minute = number(match.output.5) else { return nil }
        let fractionText = match.output.7.map(String.init)
        let nanos = fractionText.map { Int((Double("0." + $0) ?? 0) * 1_000_000_000) } ?? 0
        var offset: Int? = nil
        if let zoneText = match.output.8.map(String.init) {
            if zoneText == "Z" {
                offset = 0
            } else {
                let digits = zoneText.dropFirst().replacingOccurrences(of: ":", with: "")
                let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.suffix(2)) ?? 0
                offset = (zoneText.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
            }
        }
        let fields = Fields(year: year, month: month, day: day, hour: hour, minute: minute,
                            second: number(match.output.6) ?? 0, nanosecond: nanos)
        guard fields.isPossible else { return nil }
        return (fields, offset, fractionText != nil)
    }

    nonisolated(unsafe) private static let iso8601Pattern =
        /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/

    /// The tool's own stamps, "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)", read byte by byte (a report
    /// reads one per entry); nil for anything else.
    public static func parseStamp(_ stamp: String) -> Date? {
        let b = Array(stamp.utf8)
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<from + count {
                guard index < b.count, (0x30...0x39).contains(b[index]) else { return nil }
                value = value * 10 + Int(b[index] - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19, fraction = 0.0, scale = 0.1
        if index < b.count, b[index] == 0x2E {
            index += 1
            while index < b.count, (0x30...0x39).contains(b[index]) {
                fraction += Double(b[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
        }
        guard index < b.count else { return nil }
        var offset = 0
        if b[index] == 0x5A {
            guard index + 1 == b.count else { return nil }
        } else {
            guard b[index] == 0x2B || b[index] == 0x2D, index + 6 == b.count, b[index + 3] == 0x3A,
                  let hours = digits(index + 1, 2), let minutes = digits(index + 4, 2) else { return nil }
            offset = (b[index] == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// "2021-05-23T10:15:30+08:00" (with ".120" when `milliseconds`), at the given offset.
    public static func iso8601(_ date: Date, utcOffsetSeconds: Int, milliseconds: Bool = false) -> String {
        let local = date.timeIntervalSince1970 + Double(utcOffsetSeconds)
        let whole = Int(local.rounded(.down))
        // Never rounded up into the next second: the seconds field is what the clock showed.
        let millis = min(999, Int(((local - Double(whole)) * 1000).rounded()))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let (year, month, day) = civil(fromDays: days)
        let clock = whole - days * 86_400
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(clock / 3600, 2) + ":" + pad(clock % 3600 / 60, 2) + ":" + pad(clock % 60, 2)
        if milliseconds { text += "." + pad(millis, 3) }
        let magnitude = abs(utcOffsetSeconds)
        text += (utcOffsetSeconds < 0 ? "-" : "+") + pad(magnitude / 3600, 2) + ":" + pad(magnitude % 3600 / 60, 2)
        return text
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSince1970`: (year, month, day).
    public static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day `date` falls on at that offset: (year, month, day).
    public static func day(of date: Date, utcOffsetSeconds: Int) -> (Int, Int, Int) {
        let local = Int((date.timeIntervalSince1970 + Double(utcOffsetSeconds)).rounded(.down))
        return civil(fromDays: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
