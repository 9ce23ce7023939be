import Hummingbird
import MediaArchive

/// The entry point `media-archive serve` calls: runs until interrupted.
public enum ArchiveServerApp {
    public static func run(settings: ArchiveSettings, address: ServerAddress) async throws {
        let app = buildApplication(settings: settings, address: address)
        try await app.runService()
    }
}
