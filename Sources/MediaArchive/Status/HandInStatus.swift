import Foundation

/// `status`: what each county has handed in for a round, part by part, against what the round
/// requires (DESIGN.md, "Status"). JSON keys are a public contract: extend, never rename.
public struct HandInStatus: Sendable, Equatable, Encodable {
    public var round: String
    public var counties: [CountyStatus]

    /// Every county shown has everything the round requires.
    public var isComplete: Bool { counties.allSatisfy(\.complete) }
}

public struct CountyStatus: Sendable, Equatable, Encodable {
    public var county: String
    public var name: String
    public var complete: Bool
    /// By part name (`summary`, `key-projects`, …), every part of the notice present.
    public var parts: [String: PartStatus]
    /// The parts that still fall short, in the notice's order.
    public var missing: [Part]

    public func part(_ part: Part) -> PartStatus { parts[part.rawValue] ?? PartStatus(need: 0) }
}

/// One part of one county's hand-in.
public struct PartStatus: Sendable, Equatable, Encodable {
    /// What counts towards `need`: items (a failing video does not count), or for the two
    /// forms, records.
    public var have = 0
    public var need: Int
    /// Items (forms: records) that arrived after the part's due day, by ingest day in the
    /// policy's zone; they count, and are marked.
    public var late = 0
    /// Videos that fail the policy (stored with `--accept-failing`); only for `video`.
    public var failing: Int?
    /// Minutes of the videos that count, to a tenth; only for `video`.
    public var minutes: Double?
    /// Form files handed in; `have` counts their records. Only for the two forms.
    public var files: Int?
    /// Records read or entered; only for the two forms (the same as `have`).
    public var records: Int?

    public init(need: Int) { self.need = need }

    public var isMet: Bool { have >= need }
}
