import Hummingbird
import FactsWorkers
import Logging
import MediaArchive

/// The entry point `media-archive serve` calls: runs until interrupted.
public enum ArchiveServerApp {
    /// `workers`: the pool that reads uploads (nil: in this process, as before issue 12).
    public static func run(settings: ArchiveSettings, backends: StorageBackends = StorageBackends(), address: ServerAddress,
                           workers: WorkerPool.Configuration? = nil) async throws {
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
        let app = buildApplication(settings: settings, address: address, metrics: metrics,
                                   facts: pool ?? InProcessFacts(), backends: backends)
        try await app.runService()
    }
}
