import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file copied for a backup or a restore: streamed and hashed in one pass (`HashingCopy`),
/// fsynced, then renamed into place, so the destination is the whole file or absent.
enum DurableCopy {
    struct Copied {
        var sha256: SHA256Hash
        var bytes: Int64
    }

    /// Copies `source` to `destination`. When `expected` is given and the bytes hash otherwise,
    /// nothing is left at `destination` and `BackupError.damaged` names the source.
    @discardableResult
    static func copy(_ source: URL, to destination: URL, expected: SHA256Hash? = nil) throws -> Copied {
        let folder = destination.deletingLastPathComponent()
        let copied: HashingCopy.Copied
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            copied = try HashingCopy.copy(source.path, into: folder)
        } catch {
            throw BackupError.cannotCopy(path: source.path, reason: "\(error)")
        }
        if let expected, copied.sha256 != expected {
            unlink(copied.temporary.path)
            throw BackupError.damaged(path: source.path, expected: expected, found: copied.sha256)
        }
        guard rename(copied.temporary.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(copied.temporary.path)
            throw BackupError.cannotCopy(path: destination.path, reason: reason)
        }
        AtomicFile.syncFolder(folder)
        return Copied(sha256: copied.sha256, bytes: copied.bytes)
    }

    /// The size of a file, or nil when there is none.
    static func size(of url: URL) -> Int64? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }
}
