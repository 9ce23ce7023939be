import Foundation

/// One year's science-and-technology week and what the notice asks of each county for it:
/// `<archive>/rounds/<id>.json` (DESIGN.md, "Rounds").
public struct Round: Sendable, Equatable, Codable {
    /// Usually the year ("2021"); letters, digits and `-` only, since it names a file.
    public var id: String
    public var name: String
    public var theme: String?
    /// The week itself: items captured outside it get a warning.
    public var eventWindow: DayRange
    /// When the registration forms (附件1, 附件2) are due; nil in rounds read from an archive
    /// made before rounds existed, whose forms are judged against `deadline`.
    public var registrationDeadline: CalendarDay?
    /// When everything else is due.
    public var deadline: CalendarDay
    /// Overrides the policy's limit for this round's videos.
    public var maxVideoSeconds: Double?
    /// The least number of items of each part that makes a county's hand-in complete (for the
    /// forms: records). A part not listed needs none.
    public var requires: [Part: Int]

    /// What the notice of 2021 asked for: the key-project form, a summary and photos.
    public static let usualRequirements: [Part: Int] = [
        .keyProjects: 1, .openInstitutions: 0, .summary: 1, .photo: 1, .video: 0, .mediaReport: 0,
    ]

    public init(id: String, name: String, theme: String? = nil, eventWindow: DayRange, registrationDeadline: CalendarDay? = nil,
                deadline: CalendarDay, maxVideoSeconds: Double? = nil, requires: [Part: Int] = Round.usualRequirements) {
        self.id = id
        self.name = name
        self.theme = theme
        self.eventWindow = eventWindow
        self.registrationDeadline = registrationDeadline
        self.deadline = deadline
        self.maxVideoSeconds = maxVideoSeconds
        self.requires = requires
    }

    /// The day a part is due: the forms by the registration deadline, the rest by the deadline.
    public func due(_ part: Part) -> CalendarDay {
        part.isForm ? registrationDeadline ?? deadline : deadline
    }

    public func need(_ part: Part) -> Int { requires[part] ?? 0 }

    /// Letters, digits and `-`, 1 to 40 of them: a round id becomes a file name.
    public static func isValidID(_ id: String) -> Bool {
        (1...40).contains(id.count) && id.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "-" || CharacterSet.alphanumerics.contains($0)) }
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, theme, eventWindow, registrationDeadline, deadline, maxVideoSeconds, requires
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        guard Round.isValidID(id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.id],
                debugDescription: "\"\(id)\" is not a round id (letters, digits and - only)"))
        }
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? id
        theme = try container.decodeIfPresent(String.self, forKey: .theme)
        eventWindow = try container.decode(DayRange.self, forKey: .eventWindow)
        registrationDeadline = try container.decodeIfPresent(CalendarDay.self, forKey: .registrationDeadline)
        deadline = try container.decode(CalendarDay.self, forKey: .deadline)
        maxVideoSeconds = try container.decodeIfPresent(Double.self, forKey: .maxVideoSeconds)
        if let seconds = maxVideoSeconds, !(seconds > 0) {
            throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.maxVideoSeconds],
                debugDescription: "maxVideoSeconds must be positive"))
        }
        let named = try container.decodeIfPresent([String: Int].self, forKey: .requires)
        requires = try named.map(Round.requirements) ?? Round.usualRequirements
    }

    /// `{"summary": 1, …}` with every name a part and every number ≥ 0.
    static func requirements(_ named: [String: Int]) throws -> [Part: Int] {
        var parts: [Part: Int] = [:]
        for (name, count) in named {
            guard let part = Part(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.requires],
                    debugDescription: "\"\(name)\" is not a part (\(Part.allCases.map(\.rawValue).joined(separator: ", ")))"))
            }
            guard count >= 0 else {
                throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.requires],
                    debugDescription: "the number required of \(name) cannot be negative"))
            }
            parts[part] = count
        }
        return parts
    }

    /// Every key written, parts in the notice's order (the file is edited by people).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(theme, forKey: .theme)
        try container.encode(eventWindow, forKey: .eventWindow)
        try container.encode(registrationDeadline, forKey: .registrationDeadline)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(maxVideoSeconds, forKey: .maxVideoSeconds)
        try container.encode(Dictionary(uniqueKeysWithValues: requires.map { ($0.key.rawValue, $0.value) }), forKey: .requires)
    }
}
