public import Foundation

/// What adding an entry to a catalogue did.
public enum CatalogueAddition: Sendable, Equatable {
    case added(CatalogEntry)
    /// The content was already catalogued for the same part of the same round; the returned
    /// entry is the stored one, now also listing the new original names.
    case duplicate(CatalogEntry)
}

/// The catalogue seam (issue 14): where entries are kept. The archive folder's JSON files
/// (`JSONEntryCatalogue`, the default) and PostgreSQL (`ArchiveBackends.PostgresCatalogue`)
/// implement it; ingest, search, status, verify and export read and write through it.
///
/// Not behind it yet: form records, tokens and the audit log stay files in the archive folder.
public protocol EntryCatalogue: Sendable {
    /// Every entry for this content in the county, first ingest first (one per part and round).
    func entries(sha256: SHA256Hash, county: County) throws -> [CatalogEntry]
    /// Adds `entry` with the duplicate rule of `CatalogueRules.file`; safe against concurrent
    /// writers for the same county (other processes included).
    func add(_ entry: CatalogEntry, county: County, rounds: RoundRegistry) throws -> CatalogueAddition
    /// The county's entries whose day lies in `range` (all when nil), by day, then ingest time.
    func entries(of county: County, in range: DayRange?) throws -> [CatalogEntry]
    /// The county's entries whose SHA-256 starts with `prefix` (lower-case hex), for `show`.
    func entries(sha256Prefix prefix: String, county: County) throws -> [CatalogEntry]
    /// The same entries as `entries(of:in:)`, in the same order, as the JSON text the catalogue
    /// stores (`CatalogueRules.json(_:asStored: true)`): `search --json` passes it through.
    func entryLines(of county: County, in range: DayRange?) throws -> [EntryLine]
    /// What `status` counts of the county's entries in `round`, part by part (parts without
    /// entries left out); entries that `marks` withdraw or return are not counted.
    func roundTallies(of county: County, round: Round, rounds: RoundRegistry, marks: CountyMarks,
                      zone: TimeZone) throws -> [Part: RoundPartTally]
}

extension EntryCatalogue {
    /// Every entry of the county read and filtered: right for any catalogue, fast for none.
    public func entries(sha256Prefix prefix: String, county: County) throws -> [CatalogEntry] {
        try entries(of: county, in: nil).filter { $0.sha256.hex.hasPrefix(prefix) }
    }

    /// Encodes the decoded entries (a catalogue that keeps the text gives it instead).
    public func entryLines(of county: County, in range: DayRange?) throws -> [EntryLine] {
        try entries(of: county, in: range).map { EntryLine(json: try CatalogueRules.json($0, asStored: true), ingestedAt: $0.ingestedAt) }
    }

    /// Tallies the decoded entries (a catalogue with a query language counts there instead).
    public func roundTallies(of county: County, round: Round, rounds: RoundRegistry, marks: CountyMarks,
                             zone: TimeZone) throws -> [Part: RoundPartTally] {
        let entries = try entries(of: county, in: nil).map { $0.placed(in: rounds) }
            .filter { $0.round == round.id }.filter(marks.counts)
        return RoundPartTally.tallies(of: entries, round: round, zone: zone)
    }
}

/// One part of one county's round, as `status` counts it.
public struct RoundPartTally: Sendable, Equatable {
    /// Every entry of the part (for the forms: the files handed in).
    public var items = 0
    /// Entries with verdict pass (a failing video does not count).
    public var passing = 0
    /// Passing entries handed in after the part's due day (by ingest day in the policy's zone).
    public var passingLate = 0
    /// The passing entries' `durationSeconds`, added up.
    public var passingSeconds = 0.0

    public init(items: Int = 0, passing: Int = 0, passingLate: Int = 0, passingSeconds: Double = 0) {
        self.items = items
        self.passing = passing
        self.passingLate = passingLate
        self.passingSeconds = passingSeconds
    }

    /// The tallies of `entries` (already of one county's round), by part.
    public static func tallies(of entries: [CatalogEntry], round: Round, zone: TimeZone) -> [Part: RoundPartTally] {
        let clock = IngestClock(zone: zone)
        var tallies: [Part: RoundPartTally] = [:]
        for entry in entries {
            guard let part = entry.part else { continue }
            var tally = tallies[part] ?? RoundPartTally()
            tally.items += 1
            if entry.verdict == .pass {
                tally.passing += 1
                tally.passingSeconds += entry.durationSeconds ?? 0
                if let day = clock.day(of: entry.ingestedAt, at: clock.instant(entry.ingestedAt)), day > round.due(part) {
                    tally.passingLate += 1
                }
            }
            tallies[part] = tally
        }
        return tallies
    }
}

/// The catalogue's rules, shared by every implementation so they cannot drift apart.
public enum CatalogueRules {
    public enum Decision: Sendable, Equatable {
        /// A new entry, to be filed on this day (the content's first day, when it is known).
        case insert(CatalogEntry)
        /// The same hand-in again: `existing[index]` gains `newNames` (none: nothing to write).
        case duplicate(index: Int, newNames: [String])
    }

    /// What to do with `entry` given the county's `existing` entries for the same SHA-256
    /// (first ingest first): the same content for the same part of the same round is a
    /// duplicate; for another part or round it is a second entry on the first one's day.
    public static func file(_ entry: CatalogEntry, existing: [CatalogEntry], rounds: RoundRegistry) -> Decision {
        if let index = existing.firstIndex(where: { $0.placed(in: rounds).isSameHandIn(as: entry) }) {
            return .duplicate(index: index, newNames: entry.originalNames.filter { !existing[index].originalNames.contains($0) })
        }
        var another = entry
        if let first = existing.first { another.day = first.day }
        return .insert(another)
    }

    /// An entry's JSON text: compact, keys sorted, slashes unescaped. `asStored` gives what a
    /// catalogue keeps (schema 3: message codes only, as the JSON catalogue writes per line);
    /// otherwise what `search --json` prints (the codes worded too), whichever catalogue holds it.
    public static func json(_ entry: CatalogEntry, asStored: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if asStored { encoder.userInfo[.catalogueRecord] = true }
        return try encoder.encode(entry)
    }

    /// Entries in `search` order: by day, then ingest time.
    public static func sorted(_ entries: [CatalogEntry]) -> [CatalogEntry] {
        entries.sorted { ($0.day, $0.ingestedAt) < ($1.day, $1.ingestedAt) }
    }
}

/// The embedded catalogue: the JSON files in each county's `index/` folder, as always.
public struct JSONEntryCatalogue: EntryCatalogue {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    func county(_ county: County) throws -> CountyCatalog {
        CountyCatalog(folder: try CountyFolder(root: root, county: county))
    }

    public func entries(sha256: SHA256Hash, county: County) throws -> [CatalogEntry] {
        try self.county(county).entries(sha256: sha256)
    }

    public func add(_ entry: CatalogEntry, county: County, rounds: RoundRegistry) throws -> CatalogueAddition {
        switch try self.county(county).add(entry, rounds: rounds) {
        case .added(let added): .added(added)
        case .duplicate(let existing): .duplicate(existing)
        }
    }

    public func entries(of county: County, in range: DayRange?) throws -> [CatalogEntry] {
        try self.county(county).allEntries(in: range)
    }
}
