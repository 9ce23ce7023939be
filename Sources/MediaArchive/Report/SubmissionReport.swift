import MediaFacts
import Foundation

/// `report`: what each county has handed in, in registry order, read from the catalogue.
public struct SubmissionReport: Sendable {
    public var settings: ArchiveSettings
    /// Days already tallied by an earlier report of this process (the server keeps one).
    public var cache: ReportCache?
    /// Only this round's entries, late against its deadlines (nil: every entry, against the policy's deadline).
    public var round: Round?

    /// Where the entries are: nil for the archive folder's JSON files (tallied day file by day
    /// file, cached); another catalogue (PostgreSQL) is tallied from its entries per county.
    public var catalogue: (any EntryCatalogue)?

    public init(settings: ArchiveSettings, cache: ReportCache? = nil, round: Round? = nil, catalogue: (any EntryCatalogue)? = nil) {
        self.settings = settings
        self.cache = cache
        self.round = round
        self.catalogue = catalogue is JSONEntryCatalogue ? nil : catalogue
    }

    /// One line per county of the registry, including those that have handed in nothing.
    /// Each day of each county is tallied on its own, on all cores, then the days are added up.
    public func counties() throws -> [CountyReport] {
        if let catalogue { return try tallyCounties(in: catalogue) }
        if let round { return try roundCounties(round) }
        guard let cache else { return try tallyCounties() }
        return try cache.oneAtATime { try tallyCounties() }
    }

    /// A round's report from the kept per-day tallies that `status` also reads (`DayTallies`).
    private func roundCounties(_ round: Round) throws -> [CountyReport] {
        let clock = IngestClock(zone: settings.policy.zone)
        return try settings.counties.counties.map { county in
            var tally = ReportTally()
            for day in try DayTallies.shared.tallies(of: county, settings: settings, judging: round) { tally.merge(day.report(of: round.id, clock: clock)) }
            return tally.report(for: county)
        }
    }

    private func tallyCounties() throws -> [CountyReport] {
        let counties = settings.counties.counties
        var work: [(county: Int, catalog: CountyCatalog, day: CalendarDay)] = []
        for (index, county) in counties.enumerated() {
            let catalog = try Catalog(settings: settings).countyCatalog(county)
            work += try catalog.days().map { (index, catalog, $0) }
        }
        let zone = settings.policy.zone
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

    /// The same tallies from another catalogue's entries: each entry read as the fields the day
    /// files give (its stored JSON), so both catalogues count by one rule.
    private func tallyCounties(in catalogue: any EntryCatalogue) throws -> [CountyReport] {
        let clock = IngestClock(zone: settings.policy.zone)
        let decoder = JSONDecoder()
        return try settings.counties.counties.map { county in
            let entries = try catalogue.entries(of: county, in: nil)
            if let round {
                // A round: counted by the rule the kept day tallies use (`DayTally`), placed and judged alike.
                let counted = DayTally(entries: entries, placedIn: settings.rounds,
                                       judgedBy: DayTally.judging(round, in: settings.rounds), clock: clock)
                return counted.report(of: round.id, clock: clock).report(for: county)
            }
            var tally = ReportTally()
            for entry in entries {
                let stored = try CatalogueRules.json(entry, asStored: true)
                tally.add(try decoder.decode(ReportTally.Fields.self, from: stored), clock: clock, deadline: settings.policy.deadline)
            }
            return tally.report(for: county)
        }
    }
}

/// Reads ingest stamps ("2021-06-03T16:20:05+08:00", as the tool writes them, with or without
/// fractional seconds) and tells their day in the policy's zone, which is what the deadline is
/// written in. Both readings are MediaFacts' `TimeStamp`: the tool's own form through its fast
/// path (a county can hold 100,000 entries), anything else with an offset through the general one.
struct IngestClock {
    let zone: TimeZone

    init(zone: TimeZone) {
        self.zone = zone
    }

    func instant(_ stamp: String) -> Date? {
        if let date = TimeStamp.parseStamp(stamp) { return date }
        // Entries written by hand or by older versions; a stamp without an offset names no instant.
        guard let parsed = TimeStamp.parseISO8601(stamp), let offset = parsed.offset else { return nil }
        return parsed.fields.date(utcOffsetSeconds: offset, zone: zone)
    }

    /// The day of `date` in the zone; the date written in the stamp when it could not be parsed.
    func day(of stamp: String, at date: Date?) -> CalendarDay? {
        guard let date else { return CalendarDay(parsing: String(stamp.prefix(10))) }
        let (year, month, day) = TimeStamp.day(of: date, utcOffsetSeconds: zone.secondsFromGMT(for: date))
        return CalendarDay(year, month, day)
    }
}
