import Foundation

/// What a mark says about an item or a county's round. Nothing is deleted or rewritten: a
/// withdrawn or returned item keeps its object and entry, and the mark is appended beside them.
public enum MarkKind: String, Sendable, Codable, CaseIterable {
    /// The county took the item back before the deadline; it no longer counts.
    case withdrawn
    /// A clerk sent the item back for correction with a note; it no longer counts and the
    /// county hands in a replacement.
    case returned
    /// A clerk reopened the county's registration forms after their deadline (no item).
    case formsReopened = "forms-reopened"
}

/// One line of `<archive>/<county>/marks.jsonl` (docs/archive-format.md). An item is named as
/// an entry is: SHA-256, round and part (the same bytes handed in for two parts are two entries).
public struct ItemMark: Sendable, Equatable, Codable {
    public var time: String
    public var mark: MarkKind
    public var round: String
    /// Nil for `forms-reopened`.
    public var sha256: SHA256Hash?
    public var part: Part?
    /// The clerk's words for a returned item, shown to the county.
    public var note: String?
    /// The token's name and role, as the audit log writes them.
    public var by: AuditActor

    public init(time: String, mark: MarkKind, round: String, sha256: SHA256Hash? = nil, part: Part? = nil,
                note: String? = nil, by: AuditActor) {
        self.time = time
        self.mark = mark
        self.round = round
        self.sha256 = sha256
        self.part = part
        self.note = note
        self.by = by
    }

    func names(_ entry: CatalogEntry) -> Bool {
        sha256 == entry.sha256 && round == entry.round && part == entry.part
    }
}

/// Every mark of one county, read once: the one place status, the portal and the board ask
/// whether an entry still counts.
public struct CountyMarks: Sendable, Equatable {
    public var marks: [ItemMark]

    public init(marks: [ItemMark] = []) { self.marks = marks }

    /// The latest withdraw or return mark on this entry, if any.
    public func mark(on entry: CatalogEntry) -> ItemMark? {
        marks.last { $0.mark != .formsReopened && $0.names(entry) }
    }

    /// A withdrawn or returned entry does not count towards the hand-in.
    public func counts(_ entry: CatalogEntry) -> Bool { mark(on: entry) == nil }

    public func formsReopened(round: String) -> Bool {
        marks.contains { $0.mark == .formsReopened && $0.round == round }
    }
}
