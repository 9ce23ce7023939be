/// What `export` did. JSON keys are a public contract: extend, never rename.
public struct ExportResult: Sendable, EveryKeyEncodable {
    /// The county's slug.
    public var county: String
    /// The county's Chinese name.
    public var name: String
    /// The export folder (absolute).
    public var to: String
    /// The inclusive day bounds asked for ("YYYY-MM-DD"), or null.
    public var from: String?
    public var until: String?
    /// Files exported and their total size in bytes.
    public var files: Int
    public var bytes: Int64
    public var bagit: Bool
    /// The manifest written, relative to `to` ("manifest.json", or "catalogue.json" in a bag).
    public var manifest: String
    /// Catalogued objects that were not exported, and why.
    public var problems: [ExportProblem]
    public var exported: [ExportedFile]

}

/// One exported file.
public struct ExportedFile: Sendable, Codable, Equatable {
    public var sha256: SHA256Hash
    /// Relative to the export folder, e.g. "2021-05-23 科技周开幕式.mp4" or "data/2021-05-23 …".
    public var file: String
}

/// A catalogued object that could not be handed over.
public struct ExportProblem: Sendable, Codable, Equatable, EveryKeyEncodable {
    public enum Kind: String, Sendable, Codable {
        /// The catalogue lists it but the object file is gone.
        case missing
        /// The object's bytes no longer have the catalogued SHA-256.
        case corrupt
        /// The object exists but could not be read.
        case unreadable
        /// The catalogue's object path would point outside the county's folder.
        case unsafe
    }

    public var sha256: SHA256Hash
    /// The object's path relative to the archive root, as catalogued.
    public var object: String
    public var originalName: String?
    public var problem: Kind
    /// What is wrong and what to do, in words a clerk understands.
    public var message: String

    private enum CodingKeys: String, CodingKey { case sha256, object, originalName, problem, message }
}
