import Foundation
public import MediaFacts

/// One item in the catalogue: a stored file, what it is, and where it came from.
/// Its JSON keys are a public contract (DESIGN.md, `search`/`show`): extend, never rename.
public struct CatalogEntry: Sendable, Equatable, Codable, EveryKeyEncodable {
    /// Raise when a key's meaning changes; readers can then convert old entries.
    /// 2: `displayWidth`/`displayHeight`, and `width`/`height` the picture as stored for every
    /// format (a schema-1 HEIC's `width`/`height` are its displayed size); `round` and `part`
    /// stored (schema-1 entries are placed when read), and `link` entries, with no `object`.
    public static let currentSchemaVersion = 2

    public var sha256: String
    /// The county's slug.
    public var county: String
    public var kind: MediaKind
    /// Every name this content was handed in under, in order of first ingest.
    public var originalNames: [String]
    public var bytes: Int64
    public var format: String?
    /// Relative to the archive root, e.g. "hualong/objects/3f/3fa9….mp4"; nil for a `link`,
    /// which has no stored file.
    public var object: String?
    public var thumbnail: String?
    /// ISO 8601 with offset, in the policy's zone.
    public var ingestedAt: String
    public var capturedAt: String?
    public var capturedAtSource: CaptureTimeSource
    public var durationSeconds: Double?
    public var verdict: Verdict
    public var reasons: [String]
    public var warnings: [String]
    public var camera: Camera?
    public var gps: GPSPosition?
    public var title: String?
    public var description: String?
    /// The picture as stored (before any turn).
    public var width: Int?
    public var height: Int?
    /// The picture as shown, upright; absent from schema-1 entries.
    public var displayWidth: Int? = nil
    public var displayHeight: Int? = nil
    /// The day the catalogue files it under ("YYYY-MM-DD" in the policy's zone): the capture
    /// day, else the ingest day.
    public var day: CalendarDay
    public var schemaVersion: Int
    /// `reasons` and `warnings` in Chinese, written at ingest, so a Chinese page can show them
    /// (the catalogue keeps the English as the record). Key `zh`; absent (nil) in entries
    /// written before it existed, whose readers fall back to the English.
    public var chinese: Sentences? = nil
    /// The round (science week) it was handed in for. Entries written before rounds existed
    /// have none stored; readers give them one with `placed(in:)`.
    public var round: String? = nil
    /// What it is in the hand-in; absent in entries written before rounds, like `round`.
    public var part: Part? = nil
    /// For a `link`: the article's address, its title is `title`.
    public var url: String? = nil
    /// For a `link`: the newspaper, site or broadcaster that published it.
    public var outlet: String? = nil
    /// For a `link`: the day it was published.
    public var published: CalendarDay? = nil

    /// An entry's sentences rendered in one language.
    public struct Sentences: Sendable, Equatable, Codable {
        public var reasons: [String]
        public var warnings: [String]

        public init(reasons: [Message], warnings: [Message], in language: Language) {
            self.reasons = reasons.texts(in: language)
            self.warnings = warnings.texts(in: language)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case sha256, county, kind, originalNames, bytes, format, object, thumbnail, ingestedAt, capturedAt,
             capturedAtSource, durationSeconds, verdict, reasons, warnings, camera, gps, title, description,
             width, height, displayWidth, displayHeight, day, schemaVersion, round, part, url, outlet, published
        case chinese = "zh"
    }

    public static let keysForProperties = ["chinese": "zh"]

    /// A schema-1 entry is shown as it was written: without the display size it never had (its
    /// round and part are shown, as it is placed when read). Only a `link` has an address.
    public var keysLeftOut: Set<String> {
        Set(schemaVersion < 2 ? ["displayWidth", "displayHeight"] : []).union(kind == .link ? [] : ["url", "outlet", "published"])
    }

    /// The reasons in `language`: Chinese where the entry kept them, else the stored English.
    public func reasons(in language: Language) -> [String] {
        language == .zh ? chinese?.reasons ?? reasons : reasons
    }

    public func warnings(in language: Language) -> [String] {
        language == .zh ? chinese?.warnings ?? warnings : warnings
    }

    /// Every key, with null for what is unknown.
}
