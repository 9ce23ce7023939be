import Foundation

/// What `status` and `report --round` count of one catalogue day, per round, part and kind:
/// small enough to keep for every county-day (`DayTallies`), so that neither has to decode the
/// day's entries again until the day changes. Two tallies add up, so a county's is the sum of
/// its days'.
struct DayTally: Sendable, Equatable {
    struct Key: Hashable, Sendable {
        /// The entry's round as placed (`CatalogEntry.placed(in:)`).
        var round: String
        var part: Part
        var kind: MediaKind
    }

    /// Integers only (durations in whole microseconds), so that a sum is the same whatever
    /// order days are added in.
    struct Cell: Sendable, Equatable {
        /// Every entry (for a form's part: the files handed in).
        var items = 0
        /// Verdict `pass`: what counts in status.
        var passing = 0
        /// Verdict `fail` (stored with --accept-failing).
        var failing = 0
        /// Ingested after the part's due day of the round (in the policy's zone).
        var late = 0
        var passingLate = 0
        /// Carrying at least one warning.
        var warned = 0
        /// `durationSeconds` of the passing entries: status's minutes.
        var passingMicroseconds: Int64 = 0
        /// `durationSeconds` of the videos, any verdict: report's minutes.
        var videoMicroseconds: Int64 = 0
        /// The earliest and latest ingest stamps, by instant (`ReportTally.Stamp`).
        var first: String?
        var last: String?

        /// Adds `other`'s counts; its stamps too when a clock is given to order them by.
        mutating func merge(_ other: Cell, clock: IngestClock?) {
            items += other.items
            passing += other.passing
            failing += other.failing
            late += other.late
            passingLate += other.passingLate
            warned += other.warned
            passingMicroseconds += other.passingMicroseconds
            videoMicroseconds += other.videoMicroseconds
            guard let clock else { return }
            for stamp in [other.first, other.last].compactMap({ $0 }) { note(stamp, clock: clock) }
        }

        mutating func note(_ stamp: String, clock: IngestClock) {
            let new = ReportTally.Stamp(text: stamp, date: clock.instant(stamp))
            if first.map({ ReportTally.Stamp.precedes(new, .init(text: $0, date: clock.instant($0))) }) ?? true { first = stamp }
            if last.map({ ReportTally.Stamp.precedes(.init(text: $0, date: clock.instant($0)), new) }) ?? true { last = stamp }
        }
    }

    var cells: [Key: Cell] = [:]

    init(cells: [Key: Cell]) { self.cells = cells }

    /// The tally of `entries` as stored, each placed in its round and part by `rounds` and
    /// judged late by the dates of `judging` (the same rounds, unless a caller changed one).
    init(entries: [CatalogEntry] = [], placedIn rounds: RoundRegistry, judgedBy judging: RoundRegistry? = nil, clock: IngestClock) {
        for entry in entries { add(entry.placed(in: rounds), rounds: judging ?? rounds, clock: clock) }
    }

    /// Judging `round` needs no other dates than those the kept tallies were judged by.
    static func isKept(_ round: Round, in rounds: RoundRegistry) -> Bool {
        rounds.round(id: round.id).map {
            ($0.eventWindow, $0.registrationDeadline, $0.deadline) == (round.eventWindow, round.registrationDeadline, round.deadline)
        } ?? false
    }

    /// `rounds` with `round` in place of the one of its id (or added).
    static func judging(_ round: Round, in rounds: RoundRegistry) -> RoundRegistry {
        RoundRegistry(rounds: rounds.rounds.filter { $0.id != round.id } + [round])
    }

    /// Counts a placed entry in (`by: 1`) or takes it out again (`by: -1`: a withdrawn or
    /// returned item, which status does not count; its stamps stay, as status reads none).
    mutating func add(_ entry: CatalogEntry, rounds: RoundRegistry, clock: IngestClock, by sign: Int = 1) {
        let round = entry.round ?? rounds.round(nearest: entry.day).id
        let part = entry.part ?? .other
        let key = Key(round: round, part: part, kind: entry.kind)
        let due = rounds.round(id: round)?.due(part)
        let instant = clock.instant(entry.ingestedAt)
        let isLate = due.flatMap { due in clock.day(of: entry.ingestedAt, at: instant).map { $0 > due } } ?? false
        let microseconds = entry.durationSeconds.flatMap { $0.isFinite ? Int64(($0 * 1_000_000).rounded()) : nil } ?? 0
        var cell = cells[key] ?? Cell()
        cell.items += sign
        if entry.verdict == .pass {
            cell.passing += sign
            cell.passingMicroseconds += Int64(sign) * microseconds
            if isLate { cell.passingLate += sign }
        }
        if entry.verdict == .fail { cell.failing += sign }
        if isLate { cell.late += sign }
        if !entry.warnings.isEmpty { cell.warned += sign }
        if entry.kind == .video { cell.videoMicroseconds += Int64(sign) * microseconds }
        if sign > 0 { cell.note(entry.ingestedAt, clock: clock) }
        cells[key] = cell
    }

    mutating func merge(_ other: DayTally, clock: IngestClock) {
        for (key, cell) in other.cells { cells[key, default: Cell()].merge(cell, clock: clock) }
    }

    /// One round's counts summed per part, over every kind (no stamps: status reads none).
    func addParts(of round: String, to parts: inout [Part: Cell]) {
        for (key, cell) in cells where key.round == round { parts[key.part, default: Cell()].merge(cell, clock: nil) }
    }

    /// What `report --round` shows for one round's entries.
    func report(of round: String, clock: IngestClock) -> ReportTally {
        var tally = ReportTally()
        for (key, cell) in cells where key.round == round {
            tally.items += cell.items
            tally.byKind[key.kind] += cell.items
            tally.videoMicroseconds += cell.videoMicroseconds
            tally.failing += cell.failing
            tally.warned += cell.warned
            tally.lateItems += cell.late
            var stamps = ReportTally()
            stamps.first = cell.first.map { .init(text: $0, date: clock.instant($0)) }
            stamps.last = cell.last.map { .init(text: $0, date: clock.instant($0)) }
            tally.merge(stamps)
        }
        return tally
    }
}

extension DayTally.Cell {
    /// What another catalogue counted of a round's part (`EntryCatalogue.roundTallies`); an
    /// extension, so the cell keeps its implicit initialisers.
    init(_ counted: RoundPartTally) {
        self.init()
        items = counted.items
        passing = counted.passing
        passingLate = counted.passingLate
        passingMicroseconds = Int64((counted.passingSeconds * 1_000_000).rounded())
    }
}
