#if DEBUG
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Test builds only (compiled out of release builds, so it cannot ship enabled): a file whose
/// first line is one of these markers makes the worker misbehave the way a decoder can, so the
/// pool's tests can show the server surviving it.
enum WorkerTestFiles {
    static let hangMarker = "MEDIA-ARCHIVE-TEST-WORKER-HANG"
    static let crashMarker = "MEDIA-ARCHIVE-TEST-WORKER-CRASH"

    static func act(on path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let prefix = String(decoding: (try? handle.read(upToCount: 64)) ?? Data(), as: UTF8.self)
        try? handle.close()
        if prefix.hasPrefix(hangMarker) {
            while true { sleep(3600) }
        }
        if prefix.hasPrefix(crashMarker) {
            // A wild write, as a decoder overrunning its buffer makes: SIGSEGV.
            UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1
        }
    }
}
#endif
