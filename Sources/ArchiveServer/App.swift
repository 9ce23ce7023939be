import Dispatch
import Hummingbird
import MediaArchive

/// The entry point `media-archive serve` calls: runs until interrupted.
public enum ArchiveServerApp {
    public static func run(settings: ArchiveSettings, address: ServerAddress) async throws {
        let reportCache = ReportCache()
        // The front page adds up every day of the catalogue the first time (seconds on a
        // catalogue of a million entries): do that now, in the background, so the first
        // archivist to open it does not wait. A thread of its own, not the server's.
        DispatchQueue.global(qos: .utility).async { warmUp(reportCache, settings: settings) }
        let app = buildApplication(settings: settings, address: address, reportCache: reportCache)
        try await app.runService()
    }

    /// Tallies every day of the catalogue into `cache`. A catalogue that cannot be read is left
    /// for the front page to report when it is asked for.
    public static func warmUp(_ cache: ReportCache, settings: ArchiveSettings) {
        _ = try? SubmissionReport(settings: settings, cache: cache).counties()
    }
}
