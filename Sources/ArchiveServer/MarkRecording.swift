import Foundation
import Logging
import MediaArchive
import NIOPosix

/// Marks go into the county's `marks.jsonl` (which must succeed, or the request fails) and then
/// into the audit log (which, like ingest's, is the server's problem if it cannot be written).
enum MarkRecording {
    static func append(_ mark: ItemMark, county: County, settings: ArchiveSettings, backends: StorageBackends, logger: Logger) async throws {
        let log = backends.marks(settings)
        try await BlockingWork.run(failing: "the mark could not be recorded") { try log.append(mark, county: county) }
        let action: AuditAction = switch mark.mark {
        case .withdrawn: .itemWithdrawn
        case .returned: .itemReturned
        case .formsReopened: .formsReopened
        }
        await audit([AuditEvent(time: mark.time, who: mark.by, action: action, county: county.slug, round: mark.round,
                                part: mark.part?.rawValue, sha256: mark.sha256?.hex, detail: mark.note)],
                    settings: settings, backends: backends, logger: logger)
    }

    static func audit(_ events: [AuditEvent], settings: ArchiveSettings, backends: StorageBackends, logger: Logger) async {
        let log = backends.audit(settings)
        do {
            try await NIOThreadPool.singleton.runIfActive { try log.append(events) }
        } catch {
            logger.error("\(error)")
        }
    }
}
