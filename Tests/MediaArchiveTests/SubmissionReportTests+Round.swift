import Foundation
@testable import MediaArchive
import Testing
import TestSupport

/// `report --round`: one round's items, late against that round's dates.
struct SubmissionReportRoundTests {
    /// 2021's round as the policy gives it, but with forms due on May 20.
    static let round2021 = Round(id: "2021", name: "2021年全市科技活动周", theme: nil,
                                 eventWindow: DayRange(start: CalendarDay(2021, 5, 22), end: CalendarDay(2021, 5, 28)),
                                 registrationDeadline: CalendarDay(2021, 5, 20), deadline: CalendarDay(2021, 6, 4), maxVideoSeconds: nil)

    @Test func formsAreLateAgainstTheRegistrationDeadlineAndOtherRoundsDoNotCount() throws {
        let archive = try TestArchive()
        // Handed in on May 25: a form after its May 20 deadline, a summary well before June 4.
        try archive.ingest([("summary.pdf", "南乐县重点项目备案表.pdf"), ("summary.pdf", "南乐县科技周总结.pdf")], county: "nanle")
        let settings = archive.settings
        let whole = try SubmissionReport(settings: settings).counties()[2]
        #expect(whole.items == 2 && whole.lateItems == 0) // the policy's one deadline: June 4

        let cache = ReportCache()
        for kept in [nil, cache, cache] { // once read, once from what the cache kept
            let round = try SubmissionReport(settings: settings, cache: kept, round: Self.round2021).counties()[2]
            #expect(round.items == 2)
            #expect(round.lateItems == 1 && round.deadline == .late)
        }
        // The same days under another round's id count nothing, even with the cache warm.
        var other = Self.round2021
        other.id = "2022"
        let none = try SubmissionReport(settings: settings, cache: cache, round: other).counties()[2]
        #expect(none.items == 0 && none.deadline == .nothingSubmitted)
        #expect(try SubmissionReport(settings: settings, cache: cache).counties()[2].lateItems == 0)
    }
}
