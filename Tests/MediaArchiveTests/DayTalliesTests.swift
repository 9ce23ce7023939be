import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// `status` and `report --round` from the kept per-day tallies (`<county>/index/.day-tallies`):
/// the same answers as reading every entry, and never an answer from before a day changed.
struct DayTalliesTests {
    static let nanle = HandInTests.nanle

    /// Tallies that trust every folder at once (the real ones wait two seconds after a change,
    /// which a test would spend sleeping).
    static func trusting() -> DayTallies { DayTallies(now: { Date().addingTimeInterval(3600) }) }

    /// The same JSON catalogue, but not known as one: the reader then reads every entry.
    struct EntryByEntry: EntryCatalogue {
        let inner: JSONEntryCatalogue
        func entries(sha256: SHA256Hash, county: County) throws -> [CatalogEntry] { try inner.entries(sha256: sha256, county: county) }
        func add(_ entry: CatalogEntry, county: County, rounds: RoundRegistry) throws -> CatalogueAddition {
            try inner.add(entry, county: county, rounds: rounds)
        }
        func entries(of county: County, in range: DayRange?) throws -> [CatalogEntry] { try inner.entries(of: county, in: range) }
    }

    static func status(_ settings: ArchiveSettings, _ tallies: DayTallies) throws -> CountyStatus {
        try HandInStatusReader(settings: settings, tallies: tallies).status(round: settings.rounds.rounds[0], counties: [nanle]).counties[0]
    }

    static func entryByEntry(_ settings: ArchiveSettings) throws -> CountyStatus {
        try HandInStatusReader(settings: settings, catalogue: EntryByEntry(inner: JSONEntryCatalogue(root: settings.root)))
            .status(round: settings.rounds.rounds[0], counties: [nanle]).counties[0]
    }

    static func tallyFile(_ settings: ArchiveSettings) -> URL { settings.root.appendingPathComponent("nanle/index/.day-tallies") }

    @Test("Kept tallies give what reading every entry gives, marks applied; a changed or new day is read again, never served stale")
    func keptUntilTheDayChanges() throws {
        let archive = try TestArchive()
        let settings = archive.settings
        _ = try HandInTests.ingest("photo.jpg", into: settings)
        _ = try HandInTests.ingest("summary.pdf", as: "总结.pdf", into: settings, at: TestArchive.dayAfterDeadline)
        _ = try HandInTests.ingest("clip-181s.mp4", into: settings, acceptFailing: true)
        let server = Self.trusting()
        let first = try Self.status(settings, server)
        #expect(try first == Self.entryByEntry(settings))
        #expect(first.part(.photo).have == 1 && first.part(.summary).late == 1 && first.part(.video).failing == 1)
        #expect(FileManager.default.fileExists(atPath: Self.tallyFile(settings).path))

        // What is kept is what is answered: a count changed in the file shows (a new process
        // reads the file; the server, its memory).
        let text = try String(contentsOf: Self.tallyFile(settings), encoding: .utf8)
        let edited = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var fields = line.split(separator: " ").map(String.init)
            guard fields.count == 14, fields[0] == "cell", fields[2] == "photo" else { return String(line) }
            fields[5] = "7"
            return fields.joined(separator: " ")
        }.joined(separator: "\n")
        try Data(edited.utf8).write(to: Self.tallyFile(settings))
        #expect(try Self.status(settings, Self.trusting()).part(.photo).have == 7)

        // The same photo handed in again as a media report is a second entry on its day: the
        // day's shard is rewritten, and read again by both.
        _ = try HandInTests.ingest("photo.jpg", part: .mediaReport, into: settings)
        let truth = try Self.entryByEntry(settings)
        #expect(truth.part(.photo).have == 1 && truth.part(.mediaReport).have == 1)
        #expect(try Self.status(settings, Self.trusting()) == truth)
        #expect(try Self.status(settings, server) == truth)

        // A day that did not exist yet.
        let days = { try FileManager.default.subpathsOfDirectory(atPath: settings.root.appendingPathComponent("nanle/index/days").path)
            .filter { !$0.hasSuffix(".json") && $0.contains("/") }.count }
        let daysBefore = try days()
        _ = try HandInTests.ingest("still-66x50.png", into: settings, at: TestArchive.lastHourOfDeadline)
        #expect(try days() == daysBefore + 1)
        let beforeMark = try Self.status(settings, server)
        #expect(try beforeMark == Self.entryByEntry(settings))

        // A withdrawn photo no longer counts, its day kept or not.
        let photo = try #require(try archive.entries("nanle").first { $0.kind == .photo && $0.part == .photo })
        try MarkLog(settings: settings).append(ItemMark(time: "2021-05-26T10:00:00+08:00", mark: .withdrawn, round: "2021",
                                                         sha256: photo.sha256, part: .photo, by: AuditActor(name: "t", role: "county")),
                                                county: Self.nanle)
        let withdrawn = try Self.status(settings, server)
        #expect(try withdrawn == Self.entryByEntry(settings))
        #expect(withdrawn.part(.photo).have == beforeMark.part(.photo).have - 1)
    }

    @Test("A damaged, foreign or out-of-date tally file is ignored and worked out again")
    func badFileIgnored() throws {
        let archive = try TestArchive()
        let settings = archive.settings
        _ = try HandInTests.ingest("photo.jpg", into: settings)
        let truth = try Self.entryByEntry(settings)
        for garbage in ["", "media-archive day tallies 1\nbasis x\n", "media-archive day tallies 99\n", "\u{0}\u{1}cell day"] {
            try Data(garbage.utf8).write(to: Self.tallyFile(settings))
            #expect(try Self.status(settings, Self.trusting()) == truth)
        }
        // Deleting it is always safe.
        try FileManager.default.removeItem(at: Self.tallyFile(settings))
        #expect(try Self.status(settings, Self.trusting()) == truth)
        // A round created afterwards places and judges entries anew: the kept file does not hold.
        _ = try Self.status(settings, Self.trusting())
        var round = settings.rounds.rounds[0]
        round.registrationDeadline = CalendarDay(2021, 5, 1)
        var moved = settings
        moved.rounds = RoundRegistry(rounds: [round])
        #expect(DayTallies.basis(moved) != DayTallies.basis(settings))
    }

    /// The test archive's round and a second one, 2022, a year later (one zone, two sections).
    static func twoRounds(_ settings: ArchiveSettings) -> (ArchiveSettings, Round, Round) {
        let first = settings.rounds.rounds[0]
        var second = first
        second.id = "2022"
        second.name = "2022"
        var both = settings
        both.rounds = RoundRegistry(rounds: [first, second])
        return (both, first, second)
    }

    static func status(_ settings: ArchiveSettings, round: Round, _ tallies: DayTallies,
                       catalogue: (any EntryCatalogue)? = nil) throws -> CountyStatus {
        try HandInStatusReader(settings: settings, catalogue: catalogue, tallies: tallies).status(round: round, counties: [nanle]).counties[0]
    }

    @Test("One round's section read alone answers that round; a change then writes every round's cells again, none lost")
    func oneRoundReadAlone() throws {
        let archive = try TestArchive()
        let (settings, first, second) = Self.twoRounds(archive.settings)
        _ = try HandInTests.ingest("photo.jpg", round: first, into: settings)
        _ = try HandInTests.ingest("summary.pdf", as: "总结.pdf", round: second, into: settings)
        let byEntry = EntryByEntry(inner: JSONEntryCatalogue(root: settings.root))
        let truth = { (round: Round) in try Self.status(settings, round: round, Self.trusting(), catalogue: byEntry) }
        #expect(try Self.status(settings, round: first, Self.trusting()) == truth(first))
        let text = try String(contentsOf: Self.tallyFile(settings), encoding: .utf8)
        #expect(text.hasPrefix(DayTallyFile.header + "\n") && text.contains("\nround 2021\n") && text.contains("\nround 2022\n"))

        // Read for 2022 alone: the 2021 cells are not parsed, and not in what was read.
        let partial = try #require(DayTallyFile(url: Self.tallyFile(settings)).read(round: "2022"))
        #expect(partial.rounds == ["2022"] && partial.days.values.allSatisfy { $0.tally.cells.keys.allSatisfy { $0.round == "2022" } })
        #expect(try Self.status(settings, round: second, Self.trusting()) == truth(second))
        #expect(try Self.status(settings, round: second, Self.trusting()).part(.summary).have == 1)

        // A new day, seen by a run asked for 2022 only: the file written again still holds 2021.
        _ = try HandInTests.ingest("still-66x50.png", round: first, into: settings, at: TestArchive.lastHourOfDeadline)
        #expect(try Self.status(settings, round: second, Self.trusting()) == truth(second))
        let full = try #require(DayTallyFile(url: Self.tallyFile(settings)).read())
        let roundsHeld = Set(full.days.values.flatMap { $0.tally.cells.keys.map(\.round) })
        #expect(full.rounds == nil && roundsHeld == ["2021", "2022"])
        #expect(try Self.status(settings, round: first, Self.trusting()) == truth(first))
        #expect(try Self.status(settings, round: first, Self.trusting()).part(.photo).have == 2)

        // A server asked for both rounds in turn answers each from what it holds.
        let server = Self.trusting()
        for round in [second, first, second, first] { #expect(try Self.status(settings, round: round, server) == truth(round)) }
    }

    @Test("A version-1 tally file (cells under each day) is ignored and written again as version 2")
    func versionOneIgnored() throws {
        let archive = try TestArchive()
        let settings = archive.settings
        _ = try HandInTests.ingest("photo.jpg", into: settings)
        let truth = try Self.entryByEntry(settings)
        _ = try Self.status(settings, Self.trusting())
        let current = try String(contentsOf: Self.tallyFile(settings), encoding: .utf8)
        // As version 1 wrote it, with a count that is not true: it must not be believed.
        let basis = try #require(current.split(separator: "\n").first { $0.hasPrefix("basis ") })
        let day = try #require(current.split(separator: "\n").first { $0.hasPrefix("day ") })
        let old = ["media-archive day tallies 1", String(basis), String(day),
                   "cell 2021 photo photo 9 9 0 0 0 0 0 0 2021-05-23T10:00:00+08:00 2021-05-23T10:00:00+08:00", ""].joined(separator: "\n")
        try Data(old.utf8).write(to: Self.tallyFile(settings))
        #expect(try Self.status(settings, Self.trusting()) == truth)
        #expect(try String(contentsOf: Self.tallyFile(settings), encoding: .utf8).hasPrefix(DayTallyFile.header + "\n"))
    }

    @Test("report --round from the kept tallies: the same figures as a fresh read, late by the round's dates")
    func reportFromTallies() throws {
        let archive = try TestArchive()
        try archive.ingest([("summary.pdf", "南乐县重点项目备案表.pdf"), ("summary.pdf", "南乐县科技周总结.pdf"), ("photo.jpg", "a.jpg")],
                           county: "nanle")
        let settings = archive.settings
        let round = settings.rounds.rounds[0]
        let fresh = try SubmissionReport(settings: settings, round: round).counties()
        let again = try SubmissionReport(settings: settings, round: round).counties()
        #expect(fresh == again)
        let nanle = fresh[2]
        #expect(nanle.items == 3 && nanle.byKind.document == 2 && nanle.byKind.photo == 1)
        #expect(nanle.firstIngest != nil && nanle.firstIngest == nanle.lastIngest)
    }

    @Test("The tally file's stamps survive spaces, percent signs and dashes")
    func tokens() {
        for text in ["2021-05-23T10:00:00+08:00", "2021-05-23 10:00", "100%", "-", "", "a\nb"] {
            #expect(DayTallyFile.untoken(DayTallyFile.token(text)) == text)
            let token = DayTallyFile.token(text)
            #expect(!token.contains(" ") && !token.contains("\n"))
        }
        #expect(DayTallyFile.untoken(DayTallyFile.token(nil)) == nil)
    }
}
