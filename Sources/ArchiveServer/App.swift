import Dispatch
import Hummingbird
import FactsWorkers
import Logging
import MediaArchive

/// The entry point `media-archive serve` calls: runs until interrupted.
public enum ArchiveServerApp {
    /// `workers`: the pool that reads uploads (nil: in this process, as before issue 12).
    public static func run(settings: ArchiveSettings, address: ServerAddress, workers: WorkerPool.Configuration? = nil) async throws {
        let reportCache = ReportCache()
        // The front page adds up every day of the catalogue the first time (seconds on a
        // catalogue of a million entries): do that now, in the background, so the first
        // archivist to open it does not wait. A thread of its own, not the server's.
        DispatchQueue.global(qos: .utility).async { warmUp(reportCache, settings: settings) }
        let metrics = ServiceMetrics()
        var pool: WorkerPool?
        if let workers {
            let logger = Logger(label: "media-archive.workers")
            pool = try WorkerPool(workers) { why in
                metrics.workerRestarted()
                logger.warning("worker replaced: \(why)")
            }
        }
        defer { pool?.shutdown() }
        let app = buildApplication(settings: settings, address: address, reportCache: reportCache, metrics: metrics,
                                   facts: pool ?? InProcessFacts())
        try await app.runService()
    }

    /// Tallies every day of the catalogue into `cache`. A catalogue that cannot be read is left
    /// for the front page to report when it is asked for.
    public static func warmUp(_ cache: ReportCache, settings: ArchiveSettings) {
        _ = try? SubmissionReport(settings: settings, cache: cache).counties()
    }
}
