import Foundation
import MediaArchive
import PostgresNIO

/// The few shapes the form, mark and audit tables are read and written in: statements whose
/// rows are one text column (the stored JSON), run to completion for the synchronous domain code.
extension PostgresCatalogue {
    /// The first column of every row `query` returns, as text.
    func texts(_ query: PostgresQuery) throws -> [String] {
        try Blocking.run { [self] in
            try await withConnection { connection in
                var texts: [String] = []
                for try await text in try await connection.query(query, logger: logger).decode(String.self) { texts.append(text) }
                return texts
            }
        }
    }

    /// Runs the statements in one transaction; returns how many rows each returned (a
    /// `RETURNING` tells whether a row was there).
    @discardableResult
    func transaction(_ statements: [PostgresQuery]) throws -> [Int] {
        try Blocking.run { [self] in
            try await withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    var counts: [Int] = []
                    for statement in statements {
                        var count = 0
                        for try await _ in try await connection.query(statement, logger: logger) { count += 1 }
                        counts.append(count)
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return counts
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    /// A value as the files store it: sorted keys, slashes as they are.
    static func storedJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decodeEach<Value: Decodable>(_ type: Value.Type, _ texts: [String]) throws -> [Value] {
        let decoder = JSONDecoder()
        return try texts.map { try decoder.decode(Value.self, from: Data($0.utf8)) }
    }
}
