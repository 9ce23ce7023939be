import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a county's lock file: catalogue updates for one county happen one
/// at a time, across threads and processes. The kernel drops the lock if the holder dies.
enum CountyLock {
    static func withLock<Result>(_ lockFile: URL, _ body: () throws -> Result) throws -> Result {
        try FileManager.default.createDirectory(at: lockFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFile.posixError("cannot open the lock \(lockFile.path)") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw AtomicFile.posixError("cannot lock \(lockFile.path)") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
