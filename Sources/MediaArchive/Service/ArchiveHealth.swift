public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the archive can do its job right now: its folder is there, can be read, takes a
/// write that reaches the disk, and has room left. `/healthz` reports it; a monitor or systemd
/// watchdog reads the status, a person reads the reason.
public struct ArchiveHealth: Sendable {
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case folderMissing(path: String)
        case notAFolder(path: String)
        case unreadable(path: String, reason: String)
        case notWritable(path: String, reason: String)
        case diskFull(path: String, freeBytes: Int64, neededBytes: Int64)

        public var description: String {
            switch self {
            case .folderMissing(let path):
                return "the archive folder \(path) does not exist; restore it from a backup (media-archive restore) or fix --archive / MEDIA_ARCHIVE"
            case .notAFolder(let path):
                return "\(path) is not a folder; point --archive / MEDIA_ARCHIVE at the archive folder"
            case .unreadable(let path, let reason):
                return "the archive folder \(path) cannot be read (\(reason)); check its owner and permissions"
            case .notWritable(let path, let reason):
                return "the archive folder \(path) does not take writes (\(reason)); check the disk, its mount and the folder's permissions"
            case .diskFull(let path, let free, let needed):
                return "the disk of \(path) is full: \(ByteText.describe(free)) free, at least \(ByteText.describe(needed)) needed; free space or move the archive"
            }
        }
    }

    public let root: URL
    /// Below this much free space ingests start failing halfway (catalogue shards, thumbnails).
    public let minimumFreeBytes: Int64

    public static let defaultMinimumFreeBytes: Int64 = 256 << 20

    public init(root: URL, minimumFreeBytes: Int64 = ArchiveHealth.defaultMinimumFreeBytes) {
        self.root = root
        self.minimumFreeBytes = minimumFreeBytes
    }

    /// nil when healthy. Blocking file calls: run it off the event loop.
    public func problem() -> Problem? {
        let path = root.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .folderMissing(path: path) }
        guard isFolder.boolValue else { return .notAFolder(path: path) }
        guard let folder = opendir(path) else { return .unreadable(path: path, reason: Self.errnoText()) }
        closedir(folder)
        if let reason = Self.probeWrite(in: root) { return .notWritable(path: path, reason: reason) }
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return .unreadable(path: path, reason: Self.errnoText()) }
        // f_bavail: what an unprivileged service user may still use (root's reserve excluded).
        let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
        if free < minimumFreeBytes { return .diskFull(path: path, freeBytes: free, neededBytes: minimumFreeBytes) }
        return nil
    }

    /// Writes, fsyncs and removes a small file: the only way to learn that a read-only mount,
    /// a full disk or a lost permission would make the next ingest fail.
    private static func probeWrite(in root: URL) -> String? {
        let probe = root.appendingPathComponent(".healthz-\(UUID().uuidString).tmp").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return errnoText() }
        defer { close(descriptor); unlink(probe) }
        let byte: [UInt8] = [0x0A]
        guard write(descriptor, byte, 1) == 1, fsync(descriptor) == 0 else { return errnoText() }
        return nil
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
