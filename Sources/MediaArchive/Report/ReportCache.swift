import Foundation
import Synchronization

/// Keeps each catalogue day's `ReportTally` between reports, for a long-running server (the
/// gallery's front page): a day is read again only when its folder has changed, so a large
/// archive costs one `stat` per day instead of decoding every entry.
///
/// A day is kept against its folder's `FolderStamp` (see there for what it notices and what not).
public final class ReportCache: Sendable {
    private struct Kept: Sendable {
        var modified: FolderStamp
        var tally: ReportTally
    }

    private let days = Mutex<[String: Kept]>([:])
    /// Reports over this cache run one at a time: a visit during the warm-up at start waits for
    /// it and then reads the kept days, instead of reading every day beside it on the same cores.
    private let oneReportAtATime = NSLock()

    public init() {}

    /// The tally of the day kept under `key` whose entries lie in `folder`, from the cache while
    /// the folder is unchanged; otherwise `count()` is called and its answer kept.
    func tally(key: String, folder: URL, count: () throws -> ReportTally) rethrows -> ReportTally {
        guard let modified = FolderStamp.of(folder.path) else { return try count() }
        if let kept = days.withLock({ $0[key] }), kept.modified == modified { return kept.tally }
        let tally = try count()
        if modified.isSettled() {
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
}
