import Foundation
import Logging
import MediaArchive
import NIOPosix
import PostgresNIO
import Synchronization

/// The catalogue in PostgreSQL (issue 14): one row per entry, with the columns searches and
/// tallies filter on, and the entry's JSON text beside them exactly as the JSON catalogue
/// stores it (so `search --json` prints the same bytes from either). The schema is created and
/// brought up to date by `PostgresMigrations` when the catalogue is opened.
///
/// Two writers for the same content (two CLI processes, two servers) are serialised by a
/// transaction-scoped advisory lock on (county, SHA-256), and the unique constraint on
/// (county, sha256, round, part) refuses a second row for the same hand-in whatever happens.
public final class PostgresCatalogue: EntryCatalogue {
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    /// Connections not in use; each call takes one (or opens one) and gives it back.
    private let idle = Mutex<[PostgresConnection]>([])

    /// Opens the catalogue at `url` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`) and
    /// applies the migrations it lacks.
    public init(url: String) throws {
        configuration = try Self.configuration(url)
        var logger = Logger(label: "media-archive.postgres")
        logger.logLevel = .error
        self.logger = logger
        try Blocking.run { [self] in try await withConnection { try await PostgresMigrations.apply(on: $0, logger: self.logger) } }
    }

    /// PostgresNIO insists that a connection is closed before it goes away.
    deinit {
        for connection in idle.withLock({ $0 }) { try? connection.close().wait() }
    }

    static func configuration(_ url: String) throws -> PostgresConnection.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, parts.path.count > 1 else {
            throw CatalogueSettingError(text: url)
        }
        return PostgresConnection.Configuration(host: host, port: parts.port ?? 5432, username: user,
                                                password: parts.password, database: String(parts.path.dropFirst()), tls: .disable)
    }

    func withConnection<Value: Sendable>(_ body: (PostgresConnection) async throws -> Value) async throws -> Value {
        let connection: PostgresConnection
        if let reused = idle.withLock({ $0.popLast() }) {
            connection = reused
        } else {
            do {
                connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                                  configuration: configuration, id: 1, logger: logger)
            } catch {
                throw CatalogueUnreachable(host: configuration.host ?? "?", detail: String(reflecting: error))
            }
        }
        do {
            let value = try await body(connection)
            idle.withLock { $0.append(connection) }
            return value
        } catch {
            // A failed statement may leave the connection mid-transaction: never reuse it.
            try? await connection.close()
            throw error
        }
    }

    // MARK: EntryCatalogue

    public func entries(sha256: SHA256Hash, county: County) throws -> [CatalogEntry] {
        try Blocking.run { [self] in
            try await withConnection { connection in
                try await Self.decode(connection.query(
                    "SELECT entry FROM entries WHERE county = \(county.slug) AND sha256 = \(sha256.hex) ORDER BY id", logger: logger))
            }
        }
    }

    public func entries(of county: County, in range: DayRange?) throws -> [CatalogEntry] {
        let decoder = JSONDecoder()
        return try entryLines(of: county, in: range).map { try decoder.decode(CatalogEntry.self, from: $0.json) }
    }

    /// The rows' stored text as it is, undecoded (`search --json`), in search order.
    public func entryLines(of county: County, in range: DayRange?) throws -> [EntryLine] {
        let from = (range?.start ?? CalendarDay(1, 1, 1)).description
        let until = (range?.end ?? CalendarDay(9999, 12, 31)).description
        if let range, range.start > range.end { return [] }
        return try Blocking.run { [self] in
            try await withConnection { connection in
                var lines: [EntryLine] = []
                let rows = try await connection.query(
                    """
                    SELECT entry, ingested_at FROM entries WHERE county = \(county.slug) AND day BETWEEN \(from)::date AND \(until)::date
                    ORDER BY day, ingested_at, id
                    """, logger: logger)
                for try await (json, ingestedAt) in rows.decode((String, String).self) {
                    lines.append(EntryLine(json: Data(json.utf8), ingestedAt: ingestedAt))
                }
                return lines
            }
        }
    }

    /// Counted in the database: one row per part comes back, not the round's entries.
    public func roundTallies(of county: County, round: Round, rounds: RoundRegistry, marks: CountyMarks,
                             zone: TimeZone) throws -> [Part: RoundPartTally] {
        let parts = Part.allCases.map(\.rawValue)
        let dues = Part.allCases.map { round.due($0).description }
        // Withdrawn or returned: named by SHA-256 and part within the round.
        let marked = marks.marks.filter { $0.mark != .formsReopened && $0.round == round.id }
            .compactMap { mark in mark.sha256.flatMap { sha in mark.part.map { "\(sha)/\($0.rawValue)" } } }
        return try Blocking.run { [self] in
            try await withConnection { connection in
                // From the kept tallies (`entry_tallies`, migration 8), less the marked entries.
                // Late: the ingest day in the policy's zone, as IngestClock reads the stamp (a
                // stamp without an offset, written by hand, by the date it starts with), after
                // the due day. The zone's day is within a day of the date the stamp starts with
                // (ingest_day), so a tally of a day after the day after the due day is late
                // whole, one before the due day is not, and only the entries of those two days
                // are read, their stamps parsed.
                let rows = try await connection.query(
                    """
                    WITH due(part, day) AS (SELECT * FROM unnest(\(parts)::text[], \(dues)::text[]::date[])),
                    kept AS (
                        SELECT t.part, sum(t.items) AS items, sum(t.items) FILTER (WHERE t.verdict = 'pass') AS passing,
                               sum(t.items) FILTER (WHERE t.verdict = 'pass' AND t.ingest_day > due.day + 1) AS late,
                               sum(t.microseconds) FILTER (WHERE t.verdict = 'pass') AS microseconds
                        FROM entry_tallies t LEFT JOIN due ON due.part = t.part
                        WHERE t.county = \(county.slug) AND t.round = \(round.id) GROUP BY t.part),
                    marked AS (
                        SELECT e.part, count(*) AS items, count(*) FILTER (WHERE e.verdict = 'pass') AS passing,
                               count(*) FILTER (WHERE e.verdict = 'pass' AND e.ingest_day > due.day + 1) AS late,
                               sum(floor(e.duration_seconds * 1000000 + 0.5)::bigint) FILTER (WHERE e.verdict = 'pass') AS microseconds
                        FROM entries e LEFT JOIN due ON due.part = e.part
                        WHERE e.county = \(county.slug) AND e.round = \(round.id) AND (e.sha256 || '/' || e.part) = ANY(\(marked)::text[])
                        GROUP BY e.part),
                    edge AS (
                        SELECT e.part, count(*) AS late
                        FROM entries e JOIN due ON due.part = e.part
                        -- The days as one list first, so the (county, ingest_day) index finds them.
                        WHERE e.county = \(county.slug) AND e.ingest_day = ANY(ARRAY(SELECT day FROM due UNION SELECT day + 1 FROM due))
                          AND e.ingest_day IN (due.day, due.day + 1) AND e.round = \(round.id) AND e.verdict = 'pass'
                          AND NOT ((e.sha256 || '/' || e.part) = ANY(\(marked)::text[]))
                          AND CASE WHEN e.ingested_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})$'
                                   THEN (e.ingested_at::timestamptz AT TIME ZONE \(zone.identifier))::date > due.day
                                   ELSE e.ingest_day > due.day END
                        GROUP BY e.part)
                    SELECT kept.part, (kept.items - coalesce(marked.items, 0))::bigint,
                           (coalesce(kept.passing, 0) - coalesce(marked.passing, 0))::bigint,
                           (coalesce(kept.late, 0) - coalesce(marked.late, 0) + coalesce(edge.late, 0))::bigint,
                           ((coalesce(kept.microseconds, 0) - coalesce(marked.microseconds, 0)) / 1000000.0)::double precision
                    FROM kept LEFT JOIN marked ON marked.part = kept.part LEFT JOIN edge ON edge.part = kept.part
                    WHERE kept.items - coalesce(marked.items, 0) > 0
                    """, logger: logger)
                var tallies: [Part: RoundPartTally] = [:]
                for try await (part, items, passing, late, seconds) in rows.decode((String, Int64, Int64, Int64, Double).self) {
                    guard let part = Part(rawValue: part) else { continue }
                    tallies[part] = RoundPartTally(items: Int(items), passing: Int(passing), passingLate: Int(late), passingSeconds: seconds)
                }
                return tallies
            }
        }
    }

    /// `show`'s lookup: `prefix` is hex digits only (checked by `Catalog.show`), bound as a parameter.
    public func entries(sha256Prefix prefix: String, county: County) throws -> [CatalogEntry] {
        try Blocking.run { [self] in
            try await withConnection { connection in
                try await Self.decode(connection.query(
                    "SELECT entry FROM entries WHERE county = \(county.slug) AND sha256 LIKE \(prefix + "%") ORDER BY sha256, id",
                    logger: logger))
            }
        }
    }

    public func add(_ entry: CatalogEntry, county: County, rounds: RoundRegistry) throws -> CatalogueAddition {
        try Blocking.run { [self] in
            try await withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let result = try await add(entry, county: county, rounds: rounds, on: connection)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    private func add(_ entry: CatalogEntry, county: County, rounds: RoundRegistry,
                     on connection: PostgresConnection) async throws -> CatalogueAddition {
        let lockKey = "\(county.slug)/\(entry.sha256)"
        try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(lockKey), 0))", logger: logger)
        var existing: [(id: Int64, entry: CatalogEntry)] = []
        let rows = try await connection.query(
            "SELECT id, entry FROM entries WHERE county = \(county.slug) AND sha256 = \(entry.sha256.hex) ORDER BY id FOR UPDATE",
            logger: logger)
        for try await (id, json) in rows.decode((Int64, String).self) {
            existing.append((id, try JSONDecoder().decode(CatalogEntry.self, from: Data(json.utf8))))
        }
        switch CatalogueRules.file(entry, existing: existing.map(\.entry), rounds: rounds) {
        case .duplicate(let index, let newNames):
            var stored = existing[index].entry
            if !newNames.isEmpty {
                stored.originalNames += newNames
                let json = String(decoding: try CatalogueRules.json(stored, asStored: true), as: UTF8.self)
                try await connection.query("UPDATE entries SET entry = \(json) WHERE id = \(existing[index].id)", logger: logger)
            }
            return .duplicate(stored)
        case .insert(let new):
            let placed = new.placed(in: rounds)
            let json = String(decoding: try CatalogueRules.json(new, asStored: true), as: UTF8.self)
            let ingestDay = String(new.ingestedAt.prefix(10))
            try await connection.query(
                """
                INSERT INTO entries (county, sha256, round, part, kind, day, ingest_day, ingested_at, verdict, object, entry, duration_seconds)
                VALUES (\(county.slug), \(new.sha256.hex), \(placed.round ?? ""), \(placed.part?.rawValue ?? ""), \(new.kind.rawValue),
                        \(new.day.description)::date, \(ingestDay)::date, \(new.ingestedAt), \(new.verdict.rawValue), \(new.object), \(json),
                        \(new.durationSeconds))
                """, logger: logger)
            return .added(new)
        }
    }

    private static func decode(_ rows: PostgresRowSequence) async throws -> [CatalogEntry] {
        var entries: [CatalogEntry] = []
        let decoder = JSONDecoder()
        for try await json in rows.decode(String.self) {
            entries.append(try decoder.decode(CatalogEntry.self, from: Data(json.utf8)))
        }
        return entries
    }

    /// The schema versions recorded in `schema_migrations`, in order.
    public func appliedMigrations() throws -> [Int] {
        try Blocking.run { [self] in
            try await withConnection { connection in
                var versions: [Int] = []
                for try await version in try await connection.query("SELECT version FROM schema_migrations ORDER BY version",
                                                                    logger: logger).decode(Int.self) {
                    versions.append(version)
                }
                return versions
            }
        }
    }

    /// Creates an empty database `name` on the server of `url` (as `url`'s user) and returns its
    /// address; the schema is made when it is opened. For tests and for setting up a province.
    public static func createDatabase(like url: String, named name: String) throws -> String {
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), var parts = URLComponents(string: url) else {
            throw CatalogueSettingError(text: url)
        }
        let configuration = try configuration(url)
        var quiet = Logger(label: "media-archive.postgres")
        quiet.logLevel = .error
        let logger = quiet
        try Blocking.run {
            let connection = try await PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(),
                                                                  configuration: configuration, id: 0, logger: logger)
            do {
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        }
        parts.path = "/" + name
        return parts.string ?? url
    }

    /// Removes every row (tests and `migrate` start from an empty catalogue).
    public func removeAll() throws {
        try Blocking.run { [self] in
            try await withConnection { try await $0.query("DELETE FROM entries", logger: self.logger) }
        }
    }
}

/// `--catalogue` that is neither `json:` nor a PostgreSQL address.
public struct CatalogueSettingError: Error, CustomStringConvertible {
    public var text: String
    public var description: String {
        "the catalogue \"\(text)\" is not understood: give json: (the archive folder) or postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE"
    }
}

public struct CatalogueUnreachable: Error, CustomStringConvertible {
    public var host: String
    public var detail: String
    public var description: String {
        "cannot reach the PostgreSQL catalogue at \(host) (\(detail)): check --catalogue / MEDIA_ARCHIVE_CATALOGUE and that the database is running"
    }
}
