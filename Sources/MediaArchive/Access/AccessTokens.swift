import Crypto
public import Foundation

/// The archive's access tokens, `<archive>/tokens.json`. Every change happens under a lock
/// file and is written atomically, so two `token create` at once both land. With `storage`
/// (PostgreSQL) the list is kept there instead, under the same rules.
public struct AccessTokens: Sendable {
    public let root: URL
    /// nil: `tokens.json` in the archive folder.
    public var storage: (any TokenStorage)?

    public init(root: URL, storage: (any TokenStorage)? = nil) {
        self.root = root
        self.storage = storage
    }

    public var file: URL { root.appendingPathComponent("tokens.json") }
    var lockFile: URL { root.appendingPathComponent(".tokens.lock") }

    private struct Contents: Codable {
        var tokens: [AccessToken]
    }

    /// Every token, oldest first; none when the file does not exist yet.
    public func all() throws -> [AccessToken] {
        if let storage { return try storage.tokens() }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            throw AccessTokenError.brokenFile(path: file.path, reason: "it cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(Contents.self, from: data).tokens
        } catch {
            throw AccessTokenError.brokenFile(path: file.path, reason: ConfigurationErrorText.describe(error))
        }
    }

    /// Makes a token with a fresh random secret; its name defaults to "<role>-<id>". `county`
    /// (a slug) is required for a county token and refused for any other.
    public func create(role: AccessRole, name: String? = nil, county: String? = nil, now: Date = Date()) throws -> IssuedToken {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw AccessTokenError.noArchive(path: root.path)
        }
        if let name, !Self.isUsableName(name) { throw AccessTokenError.badName(name) }
        guard (role == .county) == (county != nil) else { throw AccessTokenError.countyBinding(role: role) }
        return try change { tokens in
            if let name, tokens.contains(where: { $0.name == name }) { throw AccessTokenError.nameTaken(name) }
            var secret: String
            var hash: String
            repeat {
                secret = Self.randomSecret()
                hash = Self.hash(secret)
            } while tokens.contains(where: { $0.id == String(hash.prefix(8)) })
            let id = String(hash.prefix(8))
            let token = AccessToken(id: id, role: role, name: name ?? "\(role.rawValue)-\(id)", county: county,
                                    createdAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)),
                                    sha256: hash)
            tokens.append(token)
            return IssuedToken(token: token, secret: secret)
        }
    }

    /// Removes the token with this id (or, failing that, this name) and returns it.
    @discardableResult
    public func revoke(_ idOrName: String) throws -> AccessToken {
        try change { tokens in
            guard let index = tokens.firstIndex(where: { $0.id == idOrName })
                    ?? tokens.firstIndex(where: { $0.name == idOrName }) else {
                throw AccessTokenError.unknownToken(idOrName)
            }
            return tokens.remove(at: index)
        }
    }

    /// Adds tokens made in another archive (`migrate`) that this one lacks, by id, with their
    /// secrets' hashes, so the same secrets log in here. A token whose name another token here
    /// already has is not added (names pick tokens for `token revoke`) and is handed back.
    public func adopt(_ incoming: [AccessToken]) throws -> (added: Int, nameTaken: [AccessToken]) {
        try change { tokens in
            var added = 0, nameTaken: [AccessToken] = []
            for token in incoming where !tokens.contains(where: { $0.id == token.id }) {
                if tokens.contains(where: { $0.name == token.name }) {
                    nameTaken.append(token)
                } else {
                    tokens.append(token)
                    added += 1
                }
            }
            return (added, nameTaken)
        }
    }

    /// The token whose secret this is, or nil. Every stored hash is compared in full, so the
    /// time taken does not tell how close a guess came.
    public func verify(secret: String) throws -> AccessToken? {
        let presented = Array(SHA256.hash(data: Data(secret.utf8)))
        var match: AccessToken?
        for token in try all() {
            guard let stored = Self.bytes(hex: token.sha256) else { continue }
            var difference: UInt8 = 0
            for (left, right) in zip(presented, stored) { difference |= left ^ right }
            if difference == 0 && stored.count == presented.count { match = token }
        }
        return match
    }

    /// Changes the list: in `storage`, or read, changed and written back under the lock file.
    private func change<Value>(_ body: (inout [AccessToken]) throws -> Value) throws -> Value {
        if let storage { return try storage.update(body) }
        return try CountyLock.withLock(lockFile) {
            var tokens = try all()
            let value = try body(&tokens)
            try save(tokens)
            return value
        }
    }

    private func save(_ tokens: [AccessToken]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Contents(tokens: tokens))
        data.append(0x0A)
        try AtomicFile.write(data, to: file)
    }

    /// 32 bytes from the system's cryptographic generator, as 64 hex digits.
    static func randomSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let value = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
            index += 2
        }
        return bytes
    }

    /// Names are for people and for `revoke`; an 8-hex-digit name would shadow an id.
    static func isUsableName(_ name: String) -> Bool {
        let looksLikeID = name.count == 8 && name.allSatisfy(\.isHexDigit)
        return (1...64).contains(name.count) && !looksLikeID
            && !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
    }
}
