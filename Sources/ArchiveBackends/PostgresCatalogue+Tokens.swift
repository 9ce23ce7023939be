import Foundation
import MediaArchive
import PostgresNIO

/// The access tokens in PostgreSQL (migration 2): the list as one row with a revision number,
/// so several servers share it. A change is applied to the list as read and written back only
/// if nobody changed it meanwhile (the revision is still the one read); otherwise it is applied
/// again to the newer list — so two `token create` at once both land, as with the file.
extension PostgresCatalogue: TokenStorage {
    public func tokens() throws -> [AccessToken] {
        try read().tokens
    }

    public func update<Value>(_ change: (inout [AccessToken]) throws -> Value) throws -> Value {
        while true {
            let (revision, current) = try read()
            var tokens = current
            let value = try change(&tokens)
            if try write(tokens, replacing: revision) { return value }
        }
    }

    /// The list and its revision (0: none stored yet).
    private func read() throws -> (revision: Int64, tokens: [AccessToken]) {
        let row = try Blocking.run { [self] in
            try await withConnection { connection -> (Int64, String)? in
                for try await row in try await connection.query("SELECT revision, tokens FROM access_tokens", logger: logger)
                    .decode((Int64, String).self) {
                    return row
                }
                return nil
            }
        }
        guard let (revision, json) = row else { return (0, []) }
        return (revision, try JSONDecoder().decode([AccessToken].self, from: Data(json.utf8)))
    }

    /// Whether the list was stored (false: another process changed it since `revision`).
    private func write(_ tokens: [AccessToken], replacing revision: Int64) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(tokens), as: UTF8.self)
        return try Blocking.run { [self] in
            try await withConnection { connection in
                let rows = revision == 0
                    ? try await connection.query(
                        "INSERT INTO access_tokens (revision, tokens) VALUES (1, \(json)) ON CONFLICT DO NOTHING RETURNING revision",
                        logger: logger)
                    : try await connection.query(
                        "UPDATE access_tokens SET revision = revision + 1, tokens = \(json) WHERE revision = \(revision) RETURNING revision",
                        logger: logger)
                var stored = false
                for try await _ in rows.decode(Int64.self) { stored = true }
                return stored
            }
        }
    }
}
