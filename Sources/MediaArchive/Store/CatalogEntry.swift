import Foundation
public import MediaFacts

/// One item in the catalogue: a stored file, what it is, and where it came from.
/// Its JSON keys are a public contract (DESIGN.md, `search`/`show`): extend, never rename.
public struct CatalogEntry: Sendable, Equatable, Codable, EveryKeyEncodable {
    /// Raise when a key's meaning changes; readers can then convert old entries.
    /// 2: `displayWidth`/`displayHeight`, and `width`/`height` the picture as stored for every
    /// format (a schema-1 HEIC's `width`/`height` are its displayed size); `round` and `part`
    /// stored (schema-1 entries are placed when read), and `link` entries, with no `object`.
    /// 3: `messages` stores the reasons and warnings as message codes with their arguments
    /// (`MessageCode`), worded when shown; `reasons`, `warnings` and `zh` are no longer stored,
    /// but every reader still gets them, worded from the codes.
    public static let currentSchemaVersion = 3

    public var sha256: SHA256Hash
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
    /// What `reasons` and `warnings` say, as message codes: what a schema-3 entry stores in
    /// their place (nil in older entries, which stored only the sentences).
    public var messages: StoredMessages? = nil
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

    /// An entry's reasons and warnings as message codes (schema 3's `messages` key).
    public struct StoredMessages: Sendable, Equatable, Codable {
        public var reasons: [MessageCode]
        public var warnings: [MessageCode]

        public init(reasons: [Message], warnings: [Message]) {
            self.reasons = reasons.map(MessageCode.init)
            self.warnings = warnings.map(MessageCode.init)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case sha256, county, kind, originalNames, bytes, format, object, thumbnail, ingestedAt, capturedAt,
             capturedAtSource, durationSeconds, verdict, reasons, warnings, camera, gps, title, description,
             width, height, displayWidth, displayHeight, day, schemaVersion, round, part, url, outlet, published, messages
        case chinese = "zh"
    }

    public static let keysForProperties = ["chinese": "zh"]

    /// A schema-1 entry is shown as it was written: without the display size it never had (its
    /// round and part are shown, as it is placed when read); entries before schema 3 without
    /// message codes. Only a `link` has an address.
    public var keysLeftOut: Set<String> {
        Set(schemaVersion < 2 ? ["displayWidth", "displayHeight"] : [])
            .union(kind == .link ? [] : ["url", "outlet", "published"])
            .union(messages == nil ? ["messages"] : [])
    }

    /// Shown (JSON output), an entry has every key, its sentences worded from its codes. Stored
    /// in the catalogue (`userInfo[.catalogueRecord]`), an entry with codes keeps only the codes.
    public func encode(to encoder: any Encoder) throws {
        let storingCodes = encoder.userInfo[.catalogueRecord] as? Bool == true && messages != nil
        try encodeEveryKey(to: encoder, leavingOut: keysLeftOut.union(storingCodes ? ["reasons", "warnings", "zh"] : []))
    }

    /// The reasons in `language`: Chinese where the entry kept them, else the stored English.
    public func reasons(in language: Language) -> [String] {
        language == .zh ? chinese?.reasons ?? reasons : reasons
    }

    public func warnings(in language: Language) -> [String] {
        language == .zh ? chinese?.warnings ?? warnings : warnings
    }

}

extension CatalogEntry {
    // Out of the type's body, so that the memberwise initializer stays.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sha256 = try c.decode(SHA256Hash.self, forKey: .sha256)
        county = try c.decode(String.self, forKey: .county)
        kind = try c.decode(MediaKind.self, forKey: .kind)
        originalNames = try c.decode([String].self, forKey: .originalNames)
        bytes = try c.decode(Int64.self, forKey: .bytes)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        object = try c.decodeIfPresent(String.self, forKey: .object)
        thumbnail = try c.decodeIfPresent(String.self, forKey: .thumbnail)
        ingestedAt = try c.decode(String.self, forKey: .ingestedAt)
        capturedAt = try c.decodeIfPresent(String.self, forKey: .capturedAt)
        capturedAtSource = try c.decode(CaptureTimeSource.self, forKey: .capturedAtSource)
        durationSeconds = try c.decodeIfPresent(Double.self, forKey: .durationSeconds)
        verdict = try c.decode(Verdict.self, forKey: .verdict)
        camera = try c.decodeIfPresent(Camera.self, forKey: .camera)
        gps = try c.decodeIfPresent(GPSPosition.self, forKey: .gps)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        width = try c.decodeIfPresent(Int.self, forKey: .width)
        height = try c.decodeIfPresent(Int.self, forKey: .height)
        displayWidth = try c.decodeIfPresent(Int.self, forKey: .displayWidth)
        displayHeight = try c.decodeIfPresent(Int.self, forKey: .displayHeight)
        day = try c.decode(CalendarDay.self, forKey: .day)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        round = try c.decodeIfPresent(String.self, forKey: .round)
        part = try c.decodeIfPresent(Part.self, forKey: .part)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        outlet = try c.decodeIfPresent(String.self, forKey: .outlet)
        published = try c.decodeIfPresent(CalendarDay.self, forKey: .published)
        messages = try c.decodeIfPresent(StoredMessages.self, forKey: .messages)
        if let messages {
            // Worded now, by this version's words: the codes are the record.
            let reasons = messages.reasons.map(\.message), warnings = messages.warnings.map(\.message)
            self.reasons = reasons.texts(in: .en)
            self.warnings = warnings.texts(in: .en)
            chinese = Sentences(reasons: reasons, warnings: warnings, in: .zh)
        } else {
            reasons = try c.decode([String].self, forKey: .reasons)
            warnings = try c.decode([String].self, forKey: .warnings)
            chinese = try c.decodeIfPresent(Sentences.self, forKey: .chinese)
        }
    }
}

extension CodingUserInfoKey {
    /// Set `true` on the encoder that writes catalogue files: entries are then written as the
    /// catalogue stores them (message codes, not their sentences), not as they are shown.
    public static let catalogueRecord = CodingUserInfoKey(rawValue: "MediaArchive.catalogueRecord")!
}
