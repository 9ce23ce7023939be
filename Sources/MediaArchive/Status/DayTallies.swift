public import Foundation
import Synchronization

/// Every county-day's `DayTally`, each worked out once from the day's entries and then reused
/// while the day's folder is unchanged (`FolderStamp`): `status`, `/api/status`, the gallery's
/// front page, the portal, the board and `report --round` then cost one `stat` per day
/// instead of decoding every entry.
///
/// Kept in memory for the process (a server keeps it between requests) and on disk in
/// `<county>/index/.day-tallies` (`DayTallyFile`, docs/archive-format.md), so that a command-line
/// run starts from what the last one worked out. That file is a derived cache: never the
/// record, safe to delete, rewritten whole (atomically) when a day changed, and ignored by
/// older versions. A day changed in the last seconds is worked out every time, not kept.
public final class DayTallies: Sendable {
    /// The process's tallies: what every reader uses unless given its own.
    public static let shared = DayTallies()

    struct Kept: Sendable, Equatable {
        var stamp: FolderStamp
        var tally: DayTally
    }

    /// One county's kept days, valid only for the rounds and zone they were placed and judged by.
    struct County: Sendable, Equatable {
        var basis: String
        var days: [CalendarDay: Kept]
        /// The rounds whose cells `days` holds (read for one round only); nil: every round.
        var rounds: Set<String>? = nil

        func holds(_ round: String) -> Bool { rounds?.contains(round) ?? true }
    }

    private let counties = Mutex<[String: County]>([:])
    /// The time a day's folder is judged settled against (tests move it on).
    private let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// The tally of every day of `county`'s JSON catalogue, judged by `round`'s dates, holding
    /// at least `round`'s cells: the kept tallies when it is the archive's own round as written;
    /// otherwise (a round a caller changed or made up) worked out now and not kept.
    func tallies(of county: MediaArchive.County, settings: ArchiveSettings, judging round: Round) throws -> [DayTally] {
        if DayTally.isKept(round, in: settings.rounds) { return try tallies(of: county, settings: settings, round: round.id) }
        let catalog = CountyCatalog(folder: try CountyFolder(root: settings.root, county: county))
        return try Self.workOut(try catalog.days(), catalog: catalog, settings: settings, judging: DayTally.judging(round, in: settings.rounds))
    }

    /// The tally of every day of `county`'s JSON catalogue: every round's cells when `round` is
    /// nil, else at least that round's (the file's other rounds are then not parsed).
    func tallies(of county: MediaArchive.County, settings: ArchiveSettings, round: String? = nil) throws -> [DayTally] {
        let folder = try CountyFolder(root: settings.root, county: county)
        let catalog = CountyCatalog(folder: folder)
        let basis = Self.basis(settings)
        let file = DayTallyFile(url: folder.dayTallies)
        let memoryKey = folder.url.path
        let usable = { (county: County) -> Bool in county.basis == basis && (round.map { county.holds($0) } ?? (county.rounds == nil)) }
        let before = counties.withLock { $0[memoryKey] }.flatMap { usable($0) ? $0 : nil }
        let fromFile = { (round: String?) -> County? in file.read(round: round).flatMap { $0.basis == basis ? $0 : nil } }
        var kept = before ?? fromFile(round) ?? County(basis: basis, days: [:])

        // The stamp is taken before the day is read: a change while reading moves it again, so
        // a tally is never kept under a stamp newer than what it counted.
        let stamps = DayFolderScan.days(under: folder.days)
        let reusable = { (kept: County) -> [DayTally?] in stamps.map { item in kept.days[item.day].flatMap { $0.stamp == item.stamp ? $0.tally : nil } } }
        var reused = reusable(kept)
        let time = now()
        let changed = kept.days.count != stamps.count || zip(stamps, reused).contains { $0.1 == nil && $0.0.stamp.isSettled(now: time) }
        if changed, kept.rounds != nil {
            // The file is to be written again, with every round: read all of it after all.
            kept = fromFile(nil) ?? County(basis: basis, days: [:])
            reused = reusable(kept)
        }
        let missing = reused.indices.filter { reused[$0] == nil }
        if before != nil, missing.isEmpty, kept.days.count == stamps.count, stamps.allSatisfy({ $0.stamp.isSettled(now: time) }) {
            // What the process keeps is every day as it is now: nothing to work out, keep or write
            // (a warm server's `/api/status` mostly ends here).
            return reused.map { $0! }
        }
        let worked = try Self.workOut(missing.map { stamps[$0].day }, catalog: catalog, settings: settings)
        var result = reused
        for (index, tally) in zip(missing, worked) { result[index] = tally }

        var keep = County(basis: basis, days: [:], rounds: kept.rounds)
        for (item, tally) in zip(stamps, result) where item.stamp.isSettled(now: time) { keep.days[item.day] = Kept(stamp: item.stamp, tally: tally!) }
        // Unwritable (a read-only archive): the file is only a cache, so status goes on without it.
        if keep != kept, keep.rounds == nil { try? file.write(keep) }
        if keep != before { counties.withLock { $0[memoryKey] = keep } }
        return result.map { $0! }
    }

    /// Days read on all cores, a few batches per core, each with its own clock.
    private static func workOut(_ days: [CalendarDay], catalog: CountyCatalog, settings: ArchiveSettings,
                                judging: RoundRegistry? = nil) throws -> [DayTally] {
        guard !days.isEmpty else { return [] }
        let (rounds, zone) = (settings.rounds, settings.policy.zone)
        let batchSize = max(1, days.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let batches = stride(from: 0, to: days.count, by: batchSize).map { Array(days[$0..<min($0 + batchSize, days.count)]) }
        return try batches.parallelMap { batch in
            Result { () throws -> [DayTally] in
                let clock = IngestClock(zone: zone)
                return try batch.map { DayTally(entries: try catalog.entries(on: $0), placedIn: rounds, judgedBy: judging, clock: clock) }
            }
        }.flatMap { try $0.get() }
    }

    /// What a kept tally depends on besides the day's entries: the rounds (an entry without a
    /// stored round is placed by them, lateness is judged by their dates) and the policy's zone.
    static func basis(_ settings: ArchiveSettings) -> String {
        let rounds = settings.rounds.rounds.map { round in
            [round.id, round.eventWindow.start.description, round.eventWindow.end.description,
             round.registrationDeadline?.description ?? "-", round.deadline.description].joined(separator: ",")
        }
        return ([settings.policy.zone.identifier] + rounds).joined(separator: ";")
    }
}

extension CountyFolder {
    /// `<county>/index/.day-tallies`: the derived per-day tallies (`DayTallies`).
    var dayTallies: URL { url.appendingPathComponent("index/.day-tallies") }
}
