import Foundation
import MediaArchive
import PostgresNIO

/// The audit log in PostgreSQL (migration 7 `audit_events`): one row per event, appended, in
/// order (`seq`), with its day and county beside it for `audit --county --from --to`. No code
/// path updates or deletes a row, and a trigger refuses UPDATE, DELETE and TRUNCATE, so what
/// the log says cannot be changed through the database either (short of dropping the trigger).
extension PostgresCatalogue: AuditStorage {
    public func appendAuditEvents(_ events: [AuditEvent]) throws {
        try transaction(events.map { event in
            let json = try Self.storedJSON(event)
            return "INSERT INTO audit_events (day, county, event) VALUES (\(event.day?.description)::date, \(event.county), \(json))"
        })
    }

    public func auditEvents(county: String?, from: CalendarDay?, to: CalendarDay?) throws -> AuditLog.Reading {
        let rows = try texts("""
            SELECT event FROM audit_events
            WHERE (\(county)::text IS NULL OR county = \(county))
              AND (\(from?.description)::date IS NULL OR day >= \(from?.description)::date)
              AND (\(to?.description)::date IS NULL OR day <= \(to?.description)::date)
            ORDER BY seq
            """)
        return AuditLog.Reading(events: try Self.decodeEach(AuditEvent.self, rows))
    }
}
