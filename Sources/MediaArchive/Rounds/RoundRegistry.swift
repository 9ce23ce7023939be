public import Foundation

/// The archive's rounds: every `<archive>/rounds/<id>.json`, oldest week first.
///
/// An archive made before rounds existed has no `rounds/` folder; its `policy.json` (or the
/// built-in defaults) still holds one week and one deadline, and it is read as that one round,
/// named by the week's year, with nothing rewritten until a round is created.
public struct RoundRegistry: Sendable, Equatable {
    /// Oldest event window first.
    public private(set) var rounds: [Round]
    /// True when the rounds were read from the policy, not from `rounds/` (nothing on disk yet).
    public private(set) var isFromPolicy: Bool

    public init(rounds: [Round], isFromPolicy: Bool = false) {
        self.rounds = rounds.sorted { ($0.eventWindow.start, $0.id) < ($1.eventWindow.start, $1.id) }
        self.isFromPolicy = isFromPolicy
    }

    /// The one round an archive made before rounds existed describes, from its policy.
    public static func fromPolicy(_ policy: SubmissionPolicy) -> RoundRegistry {
        let year = String(policy.eventWindow.start.year)
        let round = Round(id: year, name: "\(year)年全市科技活动周", eventWindow: policy.eventWindow, deadline: policy.deadline)
        return RoundRegistry(rounds: [round], isFromPolicy: true)
    }

    static func folder(in root: URL) -> URL { root.appendingPathComponent("rounds", isDirectory: true) }

    /// Reads `<root>/rounds/`; without that folder, the policy's one round.
    public static func load(root: URL, policy: SubmissionPolicy) throws -> RoundRegistry {
        let folder = folder(in: root)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return fromPolicy(policy) }
        var rounds: [Round] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let round: Round
            do {
                round = try JSONDecoder().decode(Round.self, from: Data(contentsOf: url))
            } catch let error as DecodingError {
                throw ArchiveError.unreadableConfiguration(path: url.path, reason: ConfigurationErrorText.describe(error))
            } catch {
                throw ArchiveError.unreadableConfiguration(path: url.path, reason: "it cannot be read (\(error.localizedDescription))")
            }
            guard name == "\(round.id).json" else {
                throw ArchiveError.unreadableConfiguration(path: url.path, reason: "its id \"\(round.id)\" does not match the file name")
            }
            rounds.append(round)
        }
        return rounds.isEmpty ? fromPolicy(policy) : RoundRegistry(rounds: rounds)
    }

    public func round(id: String) -> Round? { rounds.first { $0.id == id } }

    /// `--round ID`, or the current round when none is given.
    public func resolve(_ id: String?, today: CalendarDay) throws -> Round {
        guard let id else { return current(today: today) }
        guard let round = round(id: id) else { throw ArchiveError.unknownRound(id, known: rounds.map(\.id)) }
        return round
    }

    /// The newest round whose week has started by `today`, else the earliest round: what
    /// `--round` means when it is not given.
    public func current(today: CalendarDay) -> Round {
        rounds.last { $0.eventWindow.start <= today } ?? rounds[0]
    }

    /// The round an entry written before rounds existed belongs to: the one whose week lies
    /// nearest its day (capture day, else ingest day) — a late item lands in the week it shows,
    /// a form handed in before the week in the week it registers for. Ties go to the earlier.
    public func round(nearest day: CalendarDay) -> Round {
        rounds.min { distance(day, $0.eventWindow) < distance(day, $1.eventWindow) } ?? rounds[0]
    }

    private func distance(_ day: CalendarDay, _ window: DayRange) -> Int {
        if window.contains(day) { return 0 }
        let edge = day < window.start ? window.start : window.end
        let span = day < edge ? DayRange(start: day, end: edge) : DayRange(start: edge, end: day)
        return span.dayCount ?? 0
    }

    /// Writes a new round's file. When the rounds came from the policy, that round is written
    /// first, so creating 2022 in an archive of 2021 keeps 2021 as it was read.
    public func create(_ round: Round, root: URL) throws -> RoundRegistry {
        guard Round.isValidID(round.id) else { throw ArchiveError.unsafeName(round.id) }
        guard self.round(id: round.id) == nil || isFromPolicy && rounds.map(\.id) == [round.id] else {
            throw ArchiveError.roundExists(round.id)
        }
        let folder = Self.folder(in: root)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = isFromPolicy ? rounds.filter { $0.id != round.id } : rounds
        for old in written where isFromPolicy { try Self.write(old, in: folder) }
        try Self.write(round, in: folder)
        written.append(round)
        return RoundRegistry(rounds: written)
    }

    private static func write(_ round: Round, in folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(round)
        data.append(0x0A)
        let url = folder.appendingPathComponent("\(round.id).json")
        // A round that someone else created meanwhile is theirs: never overwritten.
        guard !FileManager.default.fileExists(atPath: url.path) else { throw ArchiveError.roundExists(round.id) }
        try AtomicFile.write(data, to: url)
    }
}
