/// What happened to one handed-in file. JSON keys are a public contract (DESIGN.md, `ingest`).
public struct IngestReceipt: Sendable, EveryKeyEncodable {
    public enum Status: String, Sendable, Encodable {
        /// Newly stored and catalogued.
        case stored
        /// The same bytes were already stored for this county; the name was added to the entry.
        case duplicate
        /// Not stored: it failed the policy or could not be read (see `reasons`).
        case rejected
    }

    public var path: String
    public var status: Status
    public var sha256: SHA256Hash?
    /// The county's slug.
    public var county: String
    /// Why it was rejected (or, accepted anyway, why it fails); written in the reader's language.
    public var reasonMessages: [Message]
    public var warningMessages: [Message] = []
    /// The check's verdict: a rejected file with verdict `error` could not be read at all.
    public var verdict: Verdict
    public var kind: MediaKind
    /// When the archive took it (ISO 8601, policy zone).
    public var ingestedAt: String
    /// Where it is stored, relative to the archive root.
    public var object: String?
    /// The round and part it was handed in for (set once it is known, also for a rejected file).
    public var round: String? = nil
    public var part: Part? = nil

    /// The English text, for callers written before messages had two languages.
    public var reasons: [String] { reasonMessages.texts(in: .en) }
    public var warnings: [String] { warningMessages.texts(in: .en) }

    /// The JSON keys stay `reasons` and `warnings`; messages are written in the encoder's language.
    public static let keysForProperties = ["reasonMessages": "reasons", "warningMessages": "warnings"]
}
