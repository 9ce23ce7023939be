import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader (or a crash) sees either the old file or the whole new one:
/// temp file in the same folder, fsync, rename over the target, fsync the folder.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw posixError("cannot create \(temporary.path)") }
        var written = 0
        let result: Int32 = data.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                written += count
            }
            return fsync(descriptor)
        }
        let savedErrno = errno
        close(descriptor)
        guard result == 0 else {
            unlink(temporary.path)
            errno = savedErrno
            throw posixError("cannot write \(url.path)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let renameErrno = errno
            unlink(temporary.path)
            errno = renameErrno
            throw posixError("cannot replace \(url.path)")
        }
        syncFolder(folder)
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func posixError(_ what: String) -> any Error {
        let code = errno
        return CocoaError(.fileWriteUnknown, userInfo: [
            NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(code)))",
            NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO),
        ])
    }
}
