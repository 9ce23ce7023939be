public import Foundation

/// One county's items of a round with their marks: what the portal lists and what a withdraw
/// or return names.
public struct HandInItem: Sendable, Equatable {
    public var entry: CatalogEntry
    /// The withdraw or return mark on it, if any.
    public var mark: ItemMark?
}

extension Catalog {
    /// The county's entries placed in `round`, oldest first, each with its mark.
    public func handInItems(county: County, round: String) throws -> [HandInItem] {
        let marks = try MarkLog(settings: settings, storage: catalogue.markStorage).marks(county: county)
        return try catalogue.entries(of: county, in: nil)
            .map { $0.placed(in: settings.rounds) }
            .filter { $0.round == round }
            .map { HandInItem(entry: $0, mark: marks.mark(on: $0)) }
    }

    /// The county's entry for these bytes in this round, of `part` when given; nil when there
    /// is none, or when the bytes went into several parts and `part` does not say which.
    public func handInEntry(county: County, sha256: SHA256Hash, round: String, part: Part?) throws -> CatalogEntry? {
        let matching = try catalogue.entries(sha256: sha256, county: county)
            .map { $0.placed(in: settings.rounds) }
            .filter { $0.round == round && (part == nil || $0.part == part) }
        return matching.count == 1 ? matching[0] : nil
    }
}

extension HandInItem {
    /// Handed in after its part's due day, the day read in `zone` (the policy's), as status
    /// counts it late.
    public func isLate(in round: Round, zone: TimeZone) -> Bool {
        let clock = IngestClock(zone: zone)
        let stamp = entry.ingestedAt
        return clock.day(of: stamp, at: clock.instant(stamp)).map { $0 > round.due(entry.part ?? .other) } ?? false
    }
}
