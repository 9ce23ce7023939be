public import Foundation
import MediaFacts

/// The bureau's submission rules, read from `policy.json`. Every key is optional in the file;
/// a missing key takes the default written beside it here (the 2021 rules).
public struct SubmissionPolicy: Sendable, Equatable, Codable {
    /// The longest a video may play, in seconds.
    public var maxVideoSeconds: Double = 180
    /// Slack on the limit, so AAC priming and frame rounding never fail a clip that every
    /// player shows as 3:00.
    public var toleranceSeconds: Double = 0.5
    public var allowedKinds: [MediaKind] = [.video, .photo, .document]
    public var maxFileBytes: Int64 = 4 << 30
    /// The zone for timestamps that carry no offset, for search dates and ingest stamps; parsed
    /// once, when the policy is read (`timeZone` in the file: an IANA name).
    public var zone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!
    public var eventWindow: DayRange = DayRange(start: CalendarDay(2021, 5, 22), end: CalendarDay(2021, 5, 28))
    public var deadline: CalendarDay = CalendarDay(2021, 6, 4)
    /// When true, the gallery, search and downloads need no access token (ingest still does).
    public var publicBrowse: Bool = false

    public init() {}

    public static let defaults = SubmissionPolicy()

    /// The zone's IANA name, as `policy.json` writes it.
    public var timeZone: String { zone.identifier }

    /// Longest duration that still passes.
    public var passingLimitSeconds: Double { maxVideoSeconds + toleranceSeconds }

    /// Reads a policy file; a key that is absent keeps its default.
    public static func load(from url: URL) throws -> SubmissionPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ArchiveError.unreadableConfiguration(path: url.path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(SubmissionPolicy.self, from: data)
        } catch {
            throw ArchiveError.unreadableConfiguration(path: url.path, reason: ConfigurationErrorText.describe(error))
        }
    }

    private enum CodingKeys: String, CodingKey {
        case maxVideoSeconds, toleranceSeconds, allowedKinds, maxFileBytes, timeZone, eventWindow, deadline, publicBrowse
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxVideoSeconds, forKey: .maxVideoSeconds)
        try container.encode(toleranceSeconds, forKey: .toleranceSeconds)
        try container.encode(allowedKinds, forKey: .allowedKinds)
        try container.encode(maxFileBytes, forKey: .maxFileBytes)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(eventWindow, forKey: .eventWindow)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(publicBrowse, forKey: .publicBrowse)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SubmissionPolicy.defaults
        maxVideoSeconds = try container.decodeIfPresent(Double.self, forKey: .maxVideoSeconds) ?? defaults.maxVideoSeconds
        toleranceSeconds = try container.decodeIfPresent(Double.self, forKey: .toleranceSeconds) ?? defaults.toleranceSeconds
        allowedKinds = try container.decodeIfPresent([MediaKind].self, forKey: .allowedKinds) ?? defaults.allowedKinds
        maxFileBytes = try container.decodeIfPresent(Int64.self, forKey: .maxFileBytes) ?? defaults.maxFileBytes
        let zoneName = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        eventWindow = try container.decodeIfPresent(DayRange.self, forKey: .eventWindow) ?? defaults.eventWindow
        deadline = try container.decodeIfPresent(CalendarDay.self, forKey: .deadline) ?? defaults.deadline
        publicBrowse = try container.decodeIfPresent(Bool.self, forKey: .publicBrowse) ?? defaults.publicBrowse
        guard maxVideoSeconds > 0, toleranceSeconds >= 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.maxVideoSeconds],
                debugDescription: "maxVideoSeconds must be positive and toleranceSeconds not negative"))
        }
        guard let zone = TimeZone(identifier: zoneName) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.timeZone],
                debugDescription: "\"\(zoneName)\" is not a time zone name such as Asia/Shanghai"))
        }
        self.zone = zone
    }
}

/// A day on the calendar, written "YYYY-MM-DD" in JSON.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD"; nil for anything else or an impossible date.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(year, month, day)
    }

    /// The day `date` falls on in `zone`.
    public init(of date: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(parts.year!, parts.month!, parts.day!)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "\"\(text)\" is not a date written YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int { TimeStamp.daysIn(month: month, year: year) }
}

/// Inclusive range of days.
public struct DayRange: Sendable, Equatable, Codable {
    public var start: CalendarDay
    public var end: CalendarDay

    public init(start: CalendarDay, end: CalendarDay) {
        self.start = start
        self.end = end
    }

    public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }
}
