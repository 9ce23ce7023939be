public import Foundation

/// What a token lets its holder do in the web app.
public enum AccessRole: String, Sendable, Codable, CaseIterable {
    /// County clerks: may ingest (and browse).
    case clerk
    /// Archivists: may browse, search and download.
    case archivist
    /// A county's own staff: hands in for its one county and sees only that county.
    case county
}

/// One entry of `tokens.json`: who holds a token and the SHA-256 of its secret. The secret
/// itself is never stored; whoever loses it gets a new token.
public struct AccessToken: Sendable, Equatable, Codable {
    /// The first 8 hex digits of the hash: enough to name the token in `list` and `revoke`.
    public var id: String
    public var role: AccessRole
    public var name: String
    /// The county slug a `county` token is bound to; nil for every other role. Tokens made
    /// before county tokens existed have no such key and read as nil.
    public var county: String?
    public var createdAt: Date
    /// Lowercase hex SHA-256 of the secret's UTF-8 text.
    public var sha256: String

    public init(id: String, role: AccessRole, name: String, county: String? = nil, createdAt: Date, sha256: String) {
        self.id = id
        self.role = role
        self.name = name
        self.county = county
        self.createdAt = createdAt
        self.sha256 = sha256
    }

    private enum CodingKeys: String, CodingKey { case id, role, name, county, createdAt, sha256 }

    // createdAt is ISO 8601 text whatever the encoder's date strategy, so tokens.json and
    // `token list --json` read the same.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        role = try container.decode(AccessRole.self, forKey: .role)
        name = try container.decode(String.self, forKey: .name)
        county = try container.decodeIfPresent(String.self, forKey: .county)
        sha256 = try container.decode(String.self, forKey: .sha256)
        let text = try container.decode(String.self, forKey: .createdAt)
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw DecodingError.dataCorruptedError(forKey: .createdAt, in: container,
                                                   debugDescription: "\"\(text)\" is not an ISO 8601 time")
        }
        createdAt = date
        guard (role == .county) == (county != nil) else {
            throw DecodingError.dataCorruptedError(forKey: .county, in: container,
                                                   debugDescription: "a county token names its county, and no other role does")
        }
        guard sha256.count == 64, sha256.allSatisfy(\.isHexDigit) else {
            throw DecodingError.dataCorruptedError(forKey: .sha256, in: container,
                                                   debugDescription: "sha256 must be 64 hexadecimal digits")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(role, forKey: .role)
        try container.encode(name, forKey: .name)
        // Absent, not null, for the other roles: the file reads as older versions wrote it.
        try container.encodeIfPresent(county, forKey: .county)
        try container.encode(createdAtText, forKey: .createdAt)
        try container.encode(sha256, forKey: .sha256)
    }

    /// e.g. 2026-11-29T23:00:17Z
    public var createdAtText: String { createdAt.formatted(.iso8601) }
}

/// A token just created: the only moment its secret exists outside the holder's hands.
public struct IssuedToken: Sendable {
    public var token: AccessToken
    /// 64 hex digits (32 random bytes); shown once.
    public var secret: String
}

/// Why a token operation was refused, in words for whoever runs the command.
public enum AccessTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    case brokenFile(path: String, reason: String)
    case unknownToken(String)
    case nameTaken(String)
    case badName(String)
    case noArchive(path: String)
    /// `--county` missing for a county token, or given for another role.
    case countyBinding(role: AccessRole)

    public var description: String {
        switch self {
        case .brokenFile(let path, let reason):
            return "\(path): \(reason); fix the file (or move it away and create the tokens again)"
        case .unknownToken(let given):
            return "no token has the id or name \"\(given)\"; `media-archive token list` shows them"
        case .nameTaken(let name):
            return "a token named \"\(name)\" exists already; choose another --name or revoke that one first"
        case .badName(let name):
            return "\"\(name)\" cannot name a token: use 1 to 64 characters without control characters, and not 8 hexadecimal digits (those are ids)"
        case .noArchive(let path):
            return "\(path) is not an archive folder; pass --archive or set MEDIA_ARCHIVE"
        case .countyBinding(let role):
            return role == .county
                ? "a county token is bound to one county: add --county (slug, Chinese name or code; `media-archive counties` lists them)"
                : "only a county token is bound to a county: leave out --county for a \(role.rawValue) token"
        }
    }
}
