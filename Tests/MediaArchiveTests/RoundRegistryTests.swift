import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// Rounds as a clerk meets them: the old archive's one week, the current round, new rounds.
struct RoundRegistryTests {
    static func round(_ id: String, week start: CalendarDay, deadline: CalendarDay) -> Round {
        Round(id: id, name: "\(id)年全市科技活动周",
              eventWindow: DayRange(start: start, end: CalendarDay(start.year, start.month, start.day + 6)), deadline: deadline)
    }

    @Test("An archive without rounds/ reads as its policy's one week, named by its year, with nothing written")
    func oldArchiveIsOneRound() throws {
        let root = try Fixtures.temporaryFolder("archive")
        let rounds = try RoundRegistry.load(root: root, policy: .defaults)
        #expect(rounds.isFromPolicy)
        #expect(rounds.rounds.map(\.id) == ["2021"])
        #expect(rounds.rounds[0].eventWindow == SubmissionPolicy.defaults.eventWindow)
        #expect(rounds.rounds[0].deadline == CalendarDay(2021, 6, 4))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("rounds").path))
    }

    @Test("Creating 2022 in an old archive writes 2021 as it was read, then 2022; a second 2022 is refused")
    func createKeepsTheOldRound() throws {
        let root = try Fixtures.temporaryFolder("archive")
        let old = try RoundRegistry.load(root: root, policy: .defaults)
        let next = Self.round("2022", week: CalendarDay(2022, 5, 21), deadline: CalendarDay(2022, 6, 3))
        _ = try old.create(next, root: root)
        let reread = try RoundRegistry.load(root: root, policy: .defaults)
        #expect(!reread.isFromPolicy)
        #expect(reread.rounds.map(\.id) == ["2021", "2022"])
        #expect(reread.round(id: "2021") == old.rounds[0])
        #expect(reread.round(id: "2022") == next)
        #expect(throws: ArchiveError.roundExists("2022")) { try reread.create(next, root: root) }
    }

    @Test("The current round is the newest whose week has started, else the earliest")
    func currentRound() {
        let rounds = RoundRegistry(rounds: [
            Self.round("2022", week: CalendarDay(2022, 5, 21), deadline: CalendarDay(2022, 6, 3)),
            Self.round("2021", week: CalendarDay(2021, 5, 22), deadline: CalendarDay(2021, 6, 4)),
        ])
        #expect(rounds.current(today: CalendarDay(2020, 1, 1)).id == "2021")
        #expect(rounds.current(today: CalendarDay(2022, 5, 20)).id == "2021")  // registration time of 2022 still shows 2021
        #expect(rounds.current(today: CalendarDay(2022, 5, 21)).id == "2022")
        #expect(rounds.current(today: CalendarDay(2026, 12, 1)).id == "2022")
    }

    @Test("An entry from before rounds belongs to the round whose week lies nearest its day")
    func nearestRound() {
        let rounds = RoundRegistry(rounds: [
            Self.round("2021", week: CalendarDay(2021, 5, 22), deadline: CalendarDay(2021, 6, 4)),
            Self.round("2022", week: CalendarDay(2022, 5, 21), deadline: CalendarDay(2022, 6, 3)),
        ])
        #expect(rounds.round(nearest: CalendarDay(2021, 5, 25)).id == "2021")
        #expect(rounds.round(nearest: CalendarDay(2021, 6, 20)).id == "2021")  // handed in late
        #expect(rounds.round(nearest: CalendarDay(2022, 5, 10)).id == "2022")  // a form, before its week
        #expect(rounds.round(nearest: CalendarDay(2019, 3, 1)).id == "2021")
    }

    @Test("A round file with a part that does not exist is refused with the file and what is wrong")
    func badRoundFile() throws {
        let root = try Fixtures.temporaryFolder("archive")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rounds"), withIntermediateDirectories: true)
        try Data("""
            {"id": "2023", "name": "x", "eventWindow": {"start": "2023-05-20", "end": "2023-05-26"},
             "deadline": "2023-06-02", "requires": {"photos": 1}}
            """.utf8).write(to: root.appendingPathComponent("rounds/2023.json"))
        #expect {
            try RoundRegistry.load(root: root, policy: .defaults)
        } throws: { error in
            guard case ArchiveError.unreadableConfiguration(let path, let reason) = error else { return false }
            return path.hasSuffix("rounds/2023.json") && reason.contains("\"photos\" is not a part")
        }
    }

    @Test("Parts are told from names as the notice's forms and reports are called")
    func partGuessing() {
        #expect(Part.guess(kind: .document, name: "南乐县科技活动周总结.docx") == .summary)
        #expect(Part.guess(kind: .document, name: "附件1 科技活动周重点项目备案表.docx") == .keyProjects)
        #expect(Part.guess(kind: .document, name: "项目备案表（南乐）.xlsx") == .keyProjects)
        #expect(Part.guess(kind: .document, name: "附件2 参与开放活动的科研机构和高校院所备案表.xlsx") == .openInstitutions)
        #expect(Part.guess(kind: .document, name: "濮阳日报媒体报道.pdf") == .mediaReport)
        #expect(Part.guess(kind: .document, name: "新闻稿.docx") == .mediaReport)
        #expect(Part.guess(kind: .document, name: "材料.docx") == nil)
        #expect(Part.guess(kind: .video, name: "总结.mp4") == .video)
        #expect(Part.guess(kind: .photo, name: "x.jpg") == .photo)
        #expect(Part.guess(kind: .audio, name: "x.m4a") == nil)
    }
}
