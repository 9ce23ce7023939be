import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps each catalogue day's `ReportTally` between reports, for a long-running server (the
/// gallery's front page): a day is read again only when its folder has changed, so a large
/// archive costs one `stat` per day instead of decoding every entry.
///
/// Every catalogue write replaces a shard by a rename inside the day's folder, which moves the
/// folder's modification time (kept with its change time and inode, see `Modified`). File times are coarse (a write in the same clock tick as the
/// tally would leave the time unchanged), so a day changed in the last seconds before it was
/// tallied is not kept. A shard edited in place by hand, without a rename, is not noticed until
/// the server restarts.
public final class ReportCache: Sendable {
    private struct Kept: Sendable {
        var modified: Modified
        var tally: ReportTally
    }

    /// The folder's identity and times. The modification time moves with every rename into
    /// the folder; the change time also moves when a tool sets the modification time back
    /// (a restore, rsync), and the inode when the folder is replaced.
    private struct Modified: Sendable, Equatable {
        var seconds: Int
        var nanoseconds: Int
        var changedSeconds: Int
        var changedNanoseconds: Int
        var inode: UInt64
        var device: UInt64
    }

    /// A change this recent is too close to trust the folder's time.
    private static let settleSeconds = 2

    private let days = Mutex<[String: Kept]>([:])
    /// Reports over this cache run one at a time: a visit during the warm-up at start waits for
    /// it and then reads the kept days, instead of reading every day beside it on the same cores.
    private let oneReportAtATime = NSLock()

    public init() {}

    /// The tally of the day kept under `key` whose entries lie in `folder`, from the cache while
    /// the folder is unchanged; otherwise `count()` is called and its answer kept.
    func tally(key: String, folder: URL, count: () throws -> ReportTally) rethrows -> ReportTally {
        guard let modified = Self.modified(folder) else { return try count() }
        if let kept = days.withLock({ $0[key] }), kept.modified == modified { return kept.tally }
        let tally = try count()
        if modified.seconds < Int(Date().timeIntervalSince1970) - Self.settleSeconds {
            days.withLock { $0[key] = Kept(modified: modified, tally: tally) }
        }
        return tally
    }

    func oneAtATime<Result>(_ report: () throws -> Result) rethrows -> Result {
        oneReportAtATime.lock()
        defer { oneReportAtATime.unlock() }
        return try report()
    }

    /// How many days are kept.
    public var keptDays: Int { days.withLock { $0.count } }

    private static func modified(_ folder: URL) -> Modified? {
        var info = stat()
        guard stat(folder.path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        return Modified(seconds: info.st_mtimespec.tv_sec, nanoseconds: info.st_mtimespec.tv_nsec,
                        changedSeconds: info.st_ctimespec.tv_sec, changedNanoseconds: info.st_ctimespec.tv_nsec,
                        inode: UInt64(info.st_ino), device: UInt64(bitPattern: Int64(info.st_dev)))
        #else
        return Modified(seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
                        changedSeconds: info.st_ctim.tv_sec, changedNanoseconds: info.st_ctim.tv_nsec,
                        inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
        #endif
    }
}
