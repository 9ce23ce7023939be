import Exif
import Foundation

/// `report`: what each county has handed in, in registry order, read from the catalogue.
public struct SubmissionReport: Sendable {
    public var settings: ArchiveSettings
    /// Days already tallied by an earlier report of this process (the server keeps one).
    public var cache: ReportCache?

    public init(settings: ArchiveSettings, cache: ReportCache? = nil) {
        self.settings = settings
        self.cache = cache
    }

    /// One line per county of the registry, including those that have handed in nothing.
    /// Each day of each county is tallied on its own, on all cores, then the days are added up.
    public func counties() throws -> [CountyReport] {
        guard let cache else { return try tallyCounties() }
        return try cache.oneAtATime { try tallyCounties() }
    }

    private func tallyCounties() throws -> [CountyReport] {
        let counties = settings.counties.counties
        var work: [(county: Int, catalog: CountyCatalog, day: CalendarDay)] = []
        for (index, county) in counties.enumerated() {
            let catalog = try Catalog(settings: settings).countyCatalog(county)
            work += try catalog.days().map { (index, catalog, $0) }
        }
        let zone = TimeZone(identifier: settings.policy.timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        let deadline = settings.policy.deadline
        // A few batches per core, each with its own clock (its fallback parsers are not shareable).
        let batchSize = max(1, work.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let batches = stride(from: 0, to: work.count, by: batchSize).map { Array(work[$0..<min($0 + batchSize, work.count)]) }
        let tallied = batches.parallelMap { batch in
            Result { () throws -> [(Int, ReportTally)] in
                let clock = IngestClock(zone: zone)
                return try batch.map { item in
                    let count = { try item.catalog.reportTally(on: item.day, clock: clock, deadline: deadline) }
                    guard let cache else { return (item.county, try count()) }
                    let folder = item.catalog.folder.dayFolder(item.day)
                    let key = "\(zone.identifier) \(deadline) \(folder.path)"
                    return (item.county, try cache.tally(key: key, folder: folder, count: count))
                }
            }
        }
        var totals = Array(repeating: ReportTally(), count: counties.count)
        for batch in tallied {
            for (county, tally) in try batch.get() { totals[county].merge(tally) }
        }
        return zip(counties, totals).map { $1.report(for: $0) }
    }
}

/// Reads ingest stamps ("2021-06-03T16:20:05+08:00", as the tool writes them, with or without
/// fractional seconds) and tells their day in the policy's zone, which is what the deadline is
/// written in. The tool's own form is read by hand — a county can hold 100,000 entries, and
/// Foundation's ISO 8601 parser costs tens of microseconds each; anything else falls back to it.
struct IngestClock {
    let zone: TimeZone
    /// For stamps not in the tool's own form (entries written by hand or by older versions);
    /// made once per report, not per entry.
    private let fallbackPlain = ISO8601DateFormatter()
    private let fallbackFractional = ISO8601DateFormatter()

    init(zone: TimeZone) {
        self.zone = zone
        fallbackFractional.formatOptions.insert(.withFractionalSeconds)
    }

    func instant(_ stamp: String) -> Date? {
        Self.parse(stamp) ?? fallbackPlain.date(from: stamp) ?? fallbackFractional.date(from: stamp)
    }

    /// The day of `date` in the zone; the date written in the stamp when it could not be parsed.
    func day(of stamp: String, at date: Date?) -> CalendarDay? {
        guard let date else { return CalendarDay(parsing: String(stamp.prefix(10))) }
        let local = Int((date.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: date))).rounded(.down))
        let (year, month, day) = Self.civil(fromDays: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        return CalendarDay(year, month, day)
    }

    /// "YYYY-MM-DDTHH:MM:SS[.fff…](Z|±HH:MM)"; nil for anything else.
    static func parse(_ stamp: String) -> Date? {
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
              (1...12).contains(month), (1...ExifDateTime.daysInMonth(month, year: year)).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
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
        let seconds = ExifDateTime.daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The inverse of `ExifDateTime.daysSince1970`.
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
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
}
