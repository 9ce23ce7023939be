public import Foundation

/// Who did something the audit log records.
public struct AuditActor: Sendable, Equatable, Codable {
    /// The token's name ("南乐县 clerk"), or the operating-system user for the command line.
    public var name: String
    /// "clerk" or "archivist" (the token's role), or "cli".
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }

    /// The holder of a web token.
    public static func token(_ token: AccessToken) -> AuditActor {
        AuditActor(name: token.name, role: token.role.rawValue)
    }

    /// Whoever runs `media-archive` in a shell: the login name the system knows them by.
    public static func commandLine(environment: [String: String] = ProcessInfo.processInfo.environment) -> AuditActor {
        AuditActor(name: OperatingSystemUser.name(environment: environment), role: "cli")
    }
}

/// What happened. Open-ended text so that later features add their own without changing the
/// log's readers; the names below are the ones in use.
public struct AuditAction: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let ingestStored = AuditAction("ingest.stored")
    public static let ingestDuplicate = AuditAction("ingest.duplicate")
    public static let ingestRejected = AuditAction("ingest.rejected")
    public static let tokenCreated = AuditAction("token.created")
    public static let tokenRevoked = AuditAction("token.revoked")
    // Hand-ins are ingests (the receipts above). The portal's and board's changes (issue 12):
    public static let itemWithdrawn = AuditAction("item.withdrawn")
    public static let itemReturned = AuditAction("item.returned")
    public static let formsReopened = AuditAction("forms.reopened")
    public static let formAdded = AuditAction("form.added")
    public static let formChanged = AuditAction("form.changed")
    public static let formRemoved = AuditAction("form.removed")
    /// Records read from a handed-in form file (DOCX/XLSX), beside that file's ingest event.
    public static let formsRead = AuditAction("forms.read")
}

/// One line of `<archive>/audit/YYYY-MM.jsonl`. JSON keys are a contract: extend, never rename.
public struct AuditEvent: Sendable, Equatable, Codable {
    /// ISO 8601 in the policy's zone, e.g. 2021-06-03T14:02:11+08:00: the day a clerk reads in
    /// it is the day the county means when it says "we sent it on June 3".
    public var time: String
    public var who: AuditActor
    public var action: AuditAction
    public var county: String?
    public var round: String?
    public var part: String?
    public var sha256: String?
    /// The file as it was handed in (its original name or the path given to the command).
    public var file: String?
    /// Anything else worth keeping: why a file was rejected, which token was made.
    public var detail: String?

    public init(time: String, who: AuditActor, action: AuditAction, county: String? = nil, round: String? = nil,
                part: String? = nil, sha256: String? = nil, file: String? = nil, detail: String? = nil) {
        self.time = time
        self.who = who
        self.action = action
        self.county = county
        self.round = round
        self.part = part
        self.sha256 = sha256
        self.file = file
        self.detail = detail
    }

    /// The calendar day of `time`, in the zone it was written in.
    public var day: CalendarDay? { CalendarDay(parsing: String(time.prefix(10))) }

    /// "2021-06": the month file the event belongs in.
    var month: String { String(time.prefix(7)) }
}

extension AuditEvent {
    /// What an ingest receipt says happened, as the audit log keeps it.
    public static func ingest(_ receipt: IngestReceipt, by who: AuditActor, at date: Date, in zone: TimeZone) -> AuditEvent {
        let action: AuditAction = switch receipt.status {
        case .stored: .ingestStored
        case .duplicate: .ingestDuplicate
        case .rejected: .ingestRejected
        }
        let reasons = receipt.reasons.joined(separator: "; ")
        return AuditEvent(time: AuditLog.stamp(date, in: zone), who: who, action: action, county: receipt.county,
                          round: receipt.round, part: receipt.part?.rawValue, sha256: receipt.sha256?.hex, file: receipt.path, detail: reasons.isEmpty ? nil : reasons)
    }

    /// A receipt's events: its ingest, then, when records were read from the file (a
    /// registration form), how many — so the log tells where each record came from.
    public static func events(for receipt: IngestReceipt, by who: AuditActor, at date: Date, in zone: TimeZone) -> [AuditEvent] {
        let ingest = ingest(receipt, by: who, at: date, in: zone)
        let read = receipt.warningMessages.compactMap { message -> Int? in
            if case .handIn(.formRead(let records)) = message { return records }
            return nil
        }.first
        guard let read else { return [ingest] }
        var forms = ingest
        forms.action = .formsRead
        forms.detail = "\(read) record\(read == 1 ? "" : "s") read"
        return [ingest, forms]
    }

    /// A record entered, changed or removed by hand.
    public static func form(_ action: AuditAction, record: FormRecord, by who: AuditActor, at date: Date, in zone: TimeZone) -> AuditEvent {
        AuditEvent(time: AuditLog.stamp(date, in: zone), who: who, action: action, county: record.county, round: record.round,
                   part: record.form.part.rawValue, detail: "record \(record.id)")
    }
}
