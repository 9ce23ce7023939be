import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Asks the kernel to start writing a range of a file to disk, without waiting for it. A copy
/// that does this as it goes finds most of its data already on disk when it fsyncs at the end,
/// so the fsync no longer adds the whole disk write after the copy.
///
/// Linux's `sync_file_range(…, SYNC_FILE_RANGE_WRITE)` is not in Swift's Glibc module (it is a
/// GNU extension), so it is looked up once at run time; where it is missing this does nothing
/// and the final fsync does all the work, as before.
enum EarlyWriteback {
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
    private static let syncFileRangeWrite: UInt32 = 2 // SYNC_FILE_RANGE_WRITE in <fcntl.h>

    private static let syncFileRange: SyncFileRange? = {
        #if os(Linux)
        // nil is RTLD_DEFAULT: look in the libraries already loaded (glibc).
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: SyncFileRange.self)
        #else
        return nil
        #endif
    }()

    static func start(_ descriptor: Int32, from offset: Int64, count: Int64) {
        _ = syncFileRange?(descriptor, offset, count, syncFileRangeWrite)
    }
}
