import Foundation

/// `report`: what each county has handed in, in registry order, read from the catalogue.
public struct SubmissionReport: Sendable {
    public var settings: ArchiveSettings

    public init(settings: ArchiveSettings) {
        self.settings = settings
    }

    /// One line per county of the registry, including those that have handed in nothing.
    public func counties() throws -> [CountyReport] {
        let catalog = Catalog(settings: settings)
        return try settings.counties.counties.map { county in
            var query = CatalogQuery()
            query.counties = [county]
            return summarise(county, entries: try catalog.search(query))
        }
    }

    func summarise(_ county: County, entries: [CatalogEntry]) -> CountyReport {
        var byKind = CountyReport.KindCounts()
        for entry in entries { byKind[entry.kind] += 1 }
        let videoSeconds = entries.filter { $0.kind == .video }.compactMap(\.durationSeconds).reduce(0, +)
        let ingests = entries.map { (text: $0.ingestedAt, date: Self.instant($0.ingestedAt)) }
            .sorted { ($0.date ?? .distantPast, $0.text) < ($1.date ?? .distantPast, $1.text) }
        let lateItems = entries.filter { ingestDay(of: $0.ingestedAt).map { $0 > settings.policy.deadline } ?? false }.count
        let deadline: CountyReport.DeadlineStatus = entries.isEmpty ? .nothingSubmitted : (lateItems == 0 ? .onTime : .late)
        return CountyReport(
            county: county.slug, name: county.name, items: entries.count, byKind: byKind,
            videoMinutes: (videoSeconds / 60 * 10).rounded() / 10,
            failing: entries.filter { $0.verdict == .fail }.count,
            warned: entries.filter { !$0.warnings.isEmpty }.count,
            firstIngest: ingests.first?.text, lastIngest: ingests.last?.text,
            deadline: deadline, lateItems: lateItems)
    }

    /// The day of an ingest in the policy's zone (what the deadline is written in); the
    /// date written in the timestamp when it cannot be parsed.
    private func ingestDay(of stamp: String) -> CalendarDay? {
        let zone = TimeZone(identifier: settings.policy.timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        if let date = Self.instant(stamp) { return CalendarDay(of: date, in: zone) }
        return CalendarDay(parsing: String(stamp.prefix(10)))
    }

    private static func instant(_ stamp: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: stamp) { return date }
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter.date(from: stamp)
    }
}
