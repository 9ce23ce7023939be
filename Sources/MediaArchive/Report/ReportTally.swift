import Foundation

/// What `report` adds up for one county, over any set of its entries. Two tallies merge, so each
/// day of the catalogue can be tallied on its own — in parallel, and kept in a `ReportCache`
/// until that day changes (`report --round` adds up `DayTally`s instead).
struct ReportTally: Sendable, Equatable {
    /// An ingest stamp with its instant; stamps order by instant, then text (unparsed ones first).
    struct Stamp: Sendable, Equatable {
        var text: String
        var date: Date?

        static func precedes(_ a: Stamp, _ b: Stamp) -> Bool {
            (a.date ?? .distantPast, a.text) < (b.date ?? .distantPast, b.text)
        }
    }

    var items = 0
    var byKind = CountyReport.KindCounts()
    /// In whole microseconds, so that the total is the same whatever order days and shards
    /// are added in (floating-point sums are not).
    var videoMicroseconds: Int64 = 0
    var failing = 0
    var warned = 0
    var lateItems = 0
    var first: Stamp?
    var last: Stamp?

    /// The fields of a catalogue entry that `report` reads. Decoding only these, rather than
    /// whole entries, is most of what makes `report` fast on a large catalogue.
    struct Fields: Decodable {
        var kind: MediaKind
        var durationSeconds: Double?
        var verdict: Verdict
        /// Stored until schema 2; from schema 3 the warnings are message codes under `messages`.
        var warnings: [String]?
        var messages: Codes?
        var ingestedAt: String

        var hasWarnings: Bool { !(warnings?.isEmpty ?? true) || !(messages?.warnings.isEmpty ?? true) }
    }

    /// Only how many warnings an entry has: the codes themselves are not decoded.
    struct Codes: Decodable {
        var warnings: [Skipped]
    }

    struct Skipped: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    mutating func add(_ entry: Fields, clock: IngestClock, deadline: CalendarDay) {
        items += 1
        byKind[entry.kind] += 1
        if entry.kind == .video, let seconds = entry.durationSeconds, seconds.isFinite {
            videoMicroseconds += Int64((seconds * 1_000_000).rounded())
        }
        if entry.verdict == .fail { failing += 1 }
        if entry.hasWarnings { warned += 1 }
        let stamp = Stamp(text: entry.ingestedAt, date: clock.instant(entry.ingestedAt))
        if clock.day(of: stamp.text, at: stamp.date).map({ $0 > deadline }) ?? false { lateItems += 1 }
        note(stamp)
    }

    mutating func merge(_ other: ReportTally) {
        items += other.items
        for kind in MediaKind.allCases { byKind[kind] += other.byKind[kind] }
        videoMicroseconds += other.videoMicroseconds
        failing += other.failing
        warned += other.warned
        lateItems += other.lateItems
        if let stamp = other.first { note(stamp) }
        if let stamp = other.last { note(stamp) }
    }

    private mutating func note(_ stamp: Stamp) {
        if first.map({ Stamp.precedes(stamp, $0) }) ?? true { first = stamp }
        if last.map({ Stamp.precedes($0, stamp) }) ?? true { last = stamp }
    }

    func report(for county: County) -> CountyReport {
        CountyReport(
            county: county.slug, name: county.name, items: items, byKind: byKind,
            videoMinutes: (Double(videoMicroseconds) / 1_000_000 / 60 * 10).rounded() / 10,
            failing: failing, warned: warned,
            firstIngest: first?.text, lastIngest: last?.text,
            deadline: items == 0 ? .nothingSubmitted : (lateItems == 0 ? .onTime : .late),
            lateItems: lateItems)
    }
}
