import Foundation
import Logging
import MediaArchive
import NIOPosix

/// The web ingest's entries in the audit log: the clerk's token name and role per receipt.
enum IngestAudit {
    /// The files are stored whether or not the log takes the record, so the clerk still gets
    /// the receipts; a log that cannot be written is the server's problem and goes to its log
    /// (and /healthz shows the full disk or lost permission behind it).
    static func record(_ receipts: [IngestReceipt], by clerk: AccessToken, settings: ArchiveSettings, backends: StorageBackends, logger: Logger) async {
        let log = backends.audit(settings)
        let events = receipts.flatMap { AuditEvent.events(for: $0, by: .token(clerk), at: Date(), in: log.zone) }
        do {
            try await NIOThreadPool.singleton.runIfActive { try log.append(events) }
        } catch {
            logger.error("\(error)")
        }
    }
}
