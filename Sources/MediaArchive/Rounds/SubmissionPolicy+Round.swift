public import Foundation

extension SubmissionPolicy {
    /// The policy as it applies to one round's items: that round's week (for the "captured
    /// outside the week" warning), deadline and video limit; the rest — tolerance, file size,
    /// zone, kinds — does not change from year to year.
    public func applying(_ round: Round) -> SubmissionPolicy {
        var policy = self
        policy.eventWindow = round.eventWindow
        policy.deadline = round.deadline
        if let seconds = round.maxVideoSeconds { policy.maxVideoSeconds = seconds }
        return policy
    }
}

extension ArchiveSettings {
    /// The calendar day `date` falls on in the policy's zone (today, by default).
    public func day(of date: Date = Date()) -> CalendarDay {
        CalendarDay(of: date, in: policy.zone)
    }

    /// `--round ID`, or the current round.
    public func round(_ id: String?, now: Date = Date()) throws -> Round {
        try rounds.resolve(id, today: day(of: now))
    }
}
