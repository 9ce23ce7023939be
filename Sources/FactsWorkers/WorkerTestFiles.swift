#if DEBUG
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Test builds only (compiled out of release builds, so it cannot ship enabled): a file whose
/// first line is `hangMarker` makes the worker hang the way a decoder stuck in a loop does, so the
/// tests have a worker that is deterministically busy — to let its deadline pass, or to be killed
/// or crashed from outside (SIGKILL/SIGSEGV, as the benchmark does to release builds' workers).
/// `thumbnailHangMarker` anywhere in the first 128 bytes (a JPEG comment, say) hangs only the
/// thumbnail, so a valid photo can be checked and stored and then lose its thumbnail's worker.
enum WorkerTestFiles {
    static let hangMarker = "MEDIA-ARCHIVE-TEST-WORKER-HANG"
    static let thumbnailHangMarker = "MEDIA-ARCHIVE-TEST-THUMBNAIL-HANG"

    static func act(on path: String, thumbnail: Bool) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        let prefix = (try? handle.read(upToCount: 128)) ?? Data()
        try? handle.close()
        if prefix.starts(with: Data(hangMarker.utf8)) || (thumbnail && prefix.range(of: Data(thumbnailHangMarker.utf8)) != nil) {
            while true { sleep(3600) }
        }
    }
}
#endif
