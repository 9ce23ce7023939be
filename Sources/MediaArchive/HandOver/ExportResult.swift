/// What `export` did. JSON keys are a public contract: extend, never rename.
public struct ExportResult: Sendable, Encodable {
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

    private enum CodingKeys: String, CodingKey {
        case county, name, to, from, until, files, bytes, bagit, manifest, problems, exported
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(county, forKey: .county)
        try container.encode(name, forKey: .name)
        try container.encode(to, forKey: .to)
        try container.encode(from, forKey: .from)
        try container.encode(until, forKey: .until)
        try container.encode(files, forKey: .files)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(bagit, forKey: .bagit)
        try container.encode(manifest, forKey: .manifest)
        try container.encode(problems, forKey: .problems)
        try container.encode(exported, forKey: .exported)
    }
}

/// One exported file.
public struct ExportedFile: Sendable, Codable, Equatable {
    public var sha256: String
    /// Relative to the export folder, e.g. "2021-05-23 科技周开幕式.mp4" or "data/2021-05-23 …".
    public var file: String
}

/// A catalogued object that could not be handed over.
public struct ExportProblem: Sendable, Codable, Equatable {
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

    public var sha256: String
    /// The object's path relative to the archive root, as catalogued.
    public var object: String
    public var originalName: String?
    public var problem: Kind
    /// What is wrong and what to do, in words a clerk understands.
    public var message: String

    private enum CodingKeys: String, CodingKey { case sha256, object, originalName, problem, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(object, forKey: .object)
        try container.encode(originalName, forKey: .originalName)
        try container.encode(problem, forKey: .problem)
        try container.encode(message, forKey: .message)
    }
}
