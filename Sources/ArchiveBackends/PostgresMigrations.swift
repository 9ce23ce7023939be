import Logging
import PostgresNIO

/// The catalogue's schema, as numbered steps. A step once released is never edited: a change
/// is a new step. Each is applied in its own transaction together with its row in
/// `schema_migrations`, under an advisory lock, so two processes starting at once apply it once.
enum PostgresMigrations {
    static let steps: [(version: Int, statements: [String])] = [
        (1, [
            """
            CREATE TABLE entries (
                id          bigserial PRIMARY KEY,
                county      text NOT NULL,
                sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
                round       text NOT NULL,
                part        text NOT NULL,
                kind        text NOT NULL,
                day         date NOT NULL,
                ingest_day  date NOT NULL,
                ingested_at text NOT NULL,
                verdict     text NOT NULL,
                object      text,
                entry       text NOT NULL,
                UNIQUE (county, sha256, round, part)
            )
            """,
            // search: a county's days; status: a county's round; the rest filter within those.
            "CREATE INDEX entries_county_day ON entries (county, day, ingested_at)",
            "CREATE INDEX entries_county_round_part ON entries (county, round, part)",
            "CREATE INDEX entries_county_ingest_day ON entries (county, ingest_day)",
            "CREATE INDEX entries_kind_verdict ON entries (kind, verdict)",
            "CREATE INDEX entries_sha256 ON entries (sha256)",
        ]),
        // The access tokens, shared by every server: one row, the list as JSON and its revision
        // (PostgresCatalogue+Tokens).
        (2, [
            """
            CREATE TABLE access_tokens (
                singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
                revision  bigint NOT NULL,
                tokens    text NOT NULL
            )
            """,
        ]),
        // status counts a round's minutes in SQL (issue 14's 1,000,000-entry benchmark): the
        // duration as a column, filled from the stored JSON for the rows already there.
        (3, [
            "ALTER TABLE entries ADD COLUMN duration_seconds double precision",
            """
            UPDATE entries SET duration_seconds = (entry::json ->> 'durationSeconds')::double precision
            WHERE entry NOT LIKE '%"durationSeconds":null%'
            """,
        ]),
        // status reads a county's round from the index alone (an index-only scan), not from
        // rows scattered over the table: 1,000,000 entries, a round of 28,000 rows per county.
        (4, [
            """
            CREATE INDEX entries_county_round_tally ON entries (county, round, part)
            INCLUDE (verdict, ingest_day, ingested_at, duration_seconds, sha256)
            """,
        ]),
        // Forms, marks and the audit log, shared by every server (issue 14; PostgresCatalogue+Forms,
        // +Marks, +Audit). Each row keeps the JSON the archive folder's files hold.
        (5, [
            """
            CREATE TABLE form_records (
                seq    bigserial PRIMARY KEY,
                id     text NOT NULL UNIQUE,
                county text NOT NULL,
                round  text NOT NULL,
                record text NOT NULL
            )
            """,
            "CREATE INDEX form_records_county_round ON form_records (county, round, seq)",
        ]),
        (6, [
            "CREATE TABLE item_marks (seq bigserial PRIMARY KEY, county text NOT NULL, mark text NOT NULL)",
            "CREATE INDEX item_marks_county ON item_marks (county, seq)",
            // Marks are appended, never changed: a withdrawn item's history stays readable.
            """
            CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
            END
            $$
            """,
            "CREATE TRIGGER item_marks_append_only BEFORE UPDATE OR DELETE ON item_marks FOR EACH ROW EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER item_marks_no_truncate BEFORE TRUNCATE ON item_marks EXECUTE FUNCTION refuse_change()",
        ]),
        (7, [
            "CREATE TABLE audit_events (seq bigserial PRIMARY KEY, day date NOT NULL, county text, event text NOT NULL)",
            "CREATE INDEX audit_events_day ON audit_events (day)",
            "CREATE INDEX audit_events_county_day ON audit_events (county, day)",
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_change()",
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events EXECUTE FUNCTION refuse_change()",
        ]),
        // status counts a round from kept tallies (a few hundred rows a county), not from its
        // 20,000 entries' index (~15 ms a county at 1,000,000 entries). Kept by a trigger, so every
        // writer — the tool, COPY, a hand-run INSERT — keeps them right, in the same transaction.
        // Per ingest day (the date the stamp starts with): whether a stamp on the due day or the
        // day after is late depends on the policy's zone, so those two days are counted exactly
        // from the entries when asked. Durations in whole microseconds, as the day tallies sum them.
        (8, [
            // No entry written while the tallies are first counted is missed.
            "LOCK TABLE entries IN SHARE ROW EXCLUSIVE MODE",
            """
            CREATE TABLE entry_tallies (
                county       text NOT NULL,
                round        text NOT NULL,
                part         text NOT NULL,
                verdict      text NOT NULL,
                ingest_day   date NOT NULL,
                items        bigint NOT NULL,
                microseconds bigint NOT NULL,
                PRIMARY KEY (county, round, part, verdict, ingest_day)
            )
            """,
            // One statement's rows counted together (transition tables): a COPY or a migration of
            // 100,000 rows updates each tally row once, not once per entry (which left the table
            // a hundred times its size in dead rows).
            """
            CREATE FUNCTION count_entries() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP IN ('UPDATE', 'DELETE') THEN
                    UPDATE entry_tallies t SET items = t.items - gone.items, microseconds = t.microseconds - gone.microseconds
                    FROM (SELECT county, round, part, verdict, ingest_day, count(*) AS items,
                                 coalesce(sum(floor(duration_seconds * 1000000 + 0.5)::bigint), 0) AS microseconds
                          FROM removed GROUP BY county, round, part, verdict, ingest_day) gone
                    WHERE t.county = gone.county AND t.round = gone.round AND t.part = gone.part
                      AND t.verdict = gone.verdict AND t.ingest_day = gone.ingest_day;
                END IF;
                IF TG_OP IN ('INSERT', 'UPDATE') THEN
                    INSERT INTO entry_tallies
                    SELECT county, round, part, verdict, ingest_day, count(*),
                           coalesce(sum(floor(duration_seconds * 1000000 + 0.5)::bigint), 0)
                    FROM added GROUP BY county, round, part, verdict, ingest_day
                    ON CONFLICT (county, round, part, verdict, ingest_day) DO UPDATE
                    SET items = entry_tallies.items + excluded.items, microseconds = entry_tallies.microseconds + excluded.microseconds;
                END IF;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER entries_added AFTER INSERT ON entries REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_entries()",
            "CREATE TRIGGER entries_removed AFTER DELETE ON entries REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_entries()",
            // (A transition table cannot go with a column list: every update is counted out and in again.)
            """
            CREATE TRIGGER entries_changed AFTER UPDATE ON entries REFERENCING OLD TABLE AS removed NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION count_entries()
            """,
            """
            CREATE FUNCTION forget_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                TRUNCATE entry_tallies;
                RETURN NULL;
            END
            $$
            """,
            "CREATE TRIGGER entries_emptied AFTER TRUNCATE ON entries EXECUTE FUNCTION forget_tallies()",
            """
            INSERT INTO entry_tallies
            SELECT county, round, part, verdict, ingest_day, count(*),
                   coalesce(sum(floor(duration_seconds * 1000000 + 0.5)::bigint), 0)
            FROM entries GROUP BY county, round, part, verdict, ingest_day
            """,
        ]),
    ]

    /// Brings the schema up to date; returns the versions applied now.
    @discardableResult
    static func apply(on connection: PostgresConnection, logger: Logger) async throws -> [Int] {
        // An arbitrary constant naming "the schema's migrations" among advisory locks.
        try await connection.query("SELECT pg_advisory_lock(1414)", logger: logger)
        do {
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            var now: [Int] = []
            for step in steps where !applied.contains(step.version) {
                try await connection.query("BEGIN", logger: logger)
                do {
                    for statement in step.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO schema_migrations (version) VALUES (\(step.version))", logger: logger)
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
                now.append(step.version)
            }
            try await connection.query("SELECT pg_advisory_unlock(1414)", logger: logger)
            return now
        } catch {
            _ = try? await connection.query("SELECT pg_advisory_unlock(1414)", logger: logger)
            throw error
        }
    }
}
