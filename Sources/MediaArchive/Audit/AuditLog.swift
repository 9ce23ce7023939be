public import Foundation
import MediaFacts
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The archive's record of who did what: `<archive>/audit/YYYY-MM.jsonl`, one JSON event per
/// line. Lines are only ever appended (O_APPEND, fsync'd before `append` returns); no code
/// path rewrites or truncates a month's file. Appends from several processes are serialised by
/// `audit/.lock`, which `backup` also takes so that its copy ends on a whole line.
public struct AuditLog: Sendable {
    public let root: URL
    public let zone: TimeZone
    /// nil: the month files in the archive folder; else where the events are kept (PostgreSQL).
    public var storage: (any AuditStorage)?

    public init(root: URL, zone: TimeZone, storage: (any AuditStorage)? = nil) {
        self.root = root
        self.zone = zone
        self.storage = storage
    }

    /// The log of this archive, its times in the policy's zone.
    public init(settings: ArchiveSettings, storage: (any AuditStorage)? = nil) {
        self.init(root: settings.root, zone: settings.policy.zone, storage: storage)
    }

    public var folder: URL { root.appendingPathComponent("audit", isDirectory: true) }
    var lockFile: URL { folder.appendingPathComponent(".lock") }

    /// e.g. 2021-06-03T14:02:11+08:00
    public static func stamp(_ date: Date, in zone: TimeZone) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        return TimeStamp.iso8601(whole, utcOffsetSeconds: zone.secondsFromGMT(for: whole))
    }

    public func stamp(_ date: Date) -> String { Self.stamp(date, in: zone) }

    public func append(_ event: AuditEvent) throws {
        try append([event])
    }

    /// Appends the events (in order, one fsync per month file) and returns once they are on disk.
    public func append(_ events: [AuditEvent]) throws {
        guard !events.isEmpty else { return }
        if let storage {
            for event in events where !Self.isMonth(event.month) { throw AuditLogError.badTime(event.time) }
            return try storage.appendAuditEvents(events)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var byMonth: [(month: String, lines: Data)] = []
        for event in events {
            guard Self.isMonth(event.month) else { throw AuditLogError.badTime(event.time) }
            var line = try encoder.encode(event)
            line.append(0x0A)
            if let index = byMonth.firstIndex(where: { $0.month == event.month }) {
                byMonth[index].lines.append(line)
            } else {
                byMonth.append((event.month, line))
            }
        }
        try CountyLock.withLock(lockFile) {
            for (month, lines) in byMonth {
                try appendLines(lines, to: file(month: month))
            }
        }
    }

    func file(month: String) -> URL { folder.appendingPathComponent("\(month).jsonl") }

    private func appendLines(_ lines: Data, to url: URL) throws {
        let existed = FileManager.default.fileExists(atPath: url.path)
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw AuditLogError.cannotWrite(path: url.path, reason: Self.errnoText()) }
        defer { close(descriptor) }
        var bytes = lines
        // A crash in the middle of an earlier append can leave a line without its newline;
        // start on a line of our own so that one torn line never swallows the next event.
        if existed, !Self.endsWithNewline(descriptor) { bytes.insert(0x0A, at: 0) }
        let failed: Bool = bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                written += count
            }
            return fsync(descriptor) != 0
        }
        if failed { throw AuditLogError.cannotWrite(path: url.path, reason: Self.errnoText()) }
        if !existed { AtomicFile.syncFolder(folder) }
    }

    private static func endsWithNewline(_ descriptor: Int32) -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return true }
        var last: UInt8 = 0
        return pread(descriptor, &last, 1, off_t(info.st_size - 1)) == 1 && last == 0x0A
    }

    // MARK: Reading

    /// What `audit` shows: the events, oldest first, and the lines it could not read.
    public struct Reading: Sendable {
        public var events: [AuditEvent]
        /// "audit/2021-06.jsonl line 7": a torn or hand-edited line, left as it is.
        public var unreadableLines: [String]

        public init(events: [AuditEvent], unreadableLines: [String] = []) {
            self.events = events
            self.unreadableLines = unreadableLines
        }
    }

    /// The events of `county` (slug; all when nil) on days `from`…`to` (inclusive, either open).
    /// Only the month files that can hold such days are read.
    public func events(county: String? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil) throws -> Reading {
        if let storage { return try storage.auditEvents(county: county, from: from, to: to) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch CocoaError.fileReadNoSuchFile {
            return Reading(events: [], unreadableLines: [])
        } catch {
            throw AuditLogError.cannotRead(path: folder.path, reason: error.localizedDescription)
        }
        let firstMonth = from.map { String($0.description.prefix(7)) }
        let lastMonth = to.map { String($0.description.prefix(7)) }
        let months = names.filter { $0.hasSuffix(".jsonl") }.map { String($0.dropLast(6)) }.filter(Self.isMonth)
            .filter { month in firstMonth.map { month >= $0 } ?? true && lastMonth.map { month <= $0 } ?? true }
            .sorted()
        var reading = Reading(events: [], unreadableLines: [])
        let decoder = JSONDecoder()
        for month in months {
            let url = file(month: month)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw AuditLogError.cannotRead(path: url.path, reason: error.localizedDescription)
            }
            for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard let event = try? decoder.decode(AuditEvent.self, from: line), let day = event.day else {
                    reading.unreadableLines.append("audit/\(month).jsonl line \(number + 1)")
                    continue
                }
                if let county, event.county != county { continue }
                if let from, day < from { continue }
                if let to, day > to { continue }
                reading.events.append(event)
            }
        }
        return reading
    }

    static func isMonth(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return utf8.count == 7 && utf8[4] == UInt8(ascii: "-")
            && utf8.enumerated().allSatisfy { $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

public enum AuditLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case badTime(String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "the audit log \(path) cannot be written (\(reason)); free disk space or fix the folder's permissions — what was done is done, but it is not in the log"
        case .cannotRead(let path, let reason):
            return "the audit log \(path) cannot be read (\(reason)); check the file's permissions"
        case .badTime(let time):
            return "an audit event's time \"\(time)\" is not ISO 8601 (YYYY-MM-DDThh:mm:ss±hh:mm); this is a bug in the caller"
        }
    }
}
