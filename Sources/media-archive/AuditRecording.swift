import Foundation
import MediaArchive

/// The command line's entries in the audit log, made after the work is done. A log that cannot
/// be written does not undo the work; it is reported (`error:`) and the command exits 2, so a
/// script notices that the record is incomplete.
enum AuditRecording {
    static func record(_ receipts: [IngestReceipt], log: AuditLog) -> Bool {
        let now = Date()
        return append(receipts.flatMap { AuditEvent.events(for: $0, by: .commandLine(), at: now, in: log.zone) }, to: log)
    }

    static func record(_ action: AuditAction, record: FormRecord, log: AuditLog) -> Bool {
        return append([AuditEvent.form(action, record: record, by: .commandLine(), at: Date(), in: log.zone)], to: log)
    }

    static func record(_ action: AuditAction, token: AccessToken, options: ArchiveOptions) -> Bool {
        // Token commands run without a policy when there is none; the log's zone is still the policy's.
        let root = ArchiveSettings.root(flag: options.archive)
        let storage = (try? options.loadBackends())?.catalogue as? any AuditStorage
        let log = (try? ArchiveSettings.load(root: root, policyFile: options.policy)).map { AuditLog(settings: $0, storage: storage) }
            ?? AuditLog(root: root, zone: TimeZone(identifier: "Asia/Shanghai")!, storage: storage)
        let event = AuditEvent(time: log.stamp(Date()), who: .commandLine(), action: action,
                               detail: "token \(token.id) \"\(token.name)\" (\(token.role.rawValue))")
        return append([event], to: log)
    }

    private static func append(_ events: [AuditEvent], to log: AuditLog) -> Bool {
        do {
            try log.append(events)
            return true
        } catch {
            Terminal.standardError.error("\(error)")
            return false
        }
    }
}
