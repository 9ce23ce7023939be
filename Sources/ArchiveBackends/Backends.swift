import Foundation
import MediaArchive

/// The backends the commands and the web app run on (`StorageBackends`), opened from the flags.
public typealias Backends = StorageBackends

extension StorageBackends {
    public static func open(store: String?, catalogue: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> StorageBackends {
        let storeText = store ?? environment["MEDIA_ARCHIVE_STORE"] ?? "file:"
        let catalogueText = catalogue ?? environment["MEDIA_ARCHIVE_CATALOGUE"] ?? "json:"
        var backends = StorageBackends()
        switch storeText {
        case "file:", "file", "": break
        default: backends.store = try S3ObjectStore(url: storeText, environment: environment)
        }
        switch catalogueText {
        case "json:", "json", "": break
        default:
            let postgres = try PostgresCatalogue(url: catalogueText)
            backends.catalogue = postgres
            backends.tokenStorage = postgres
        }
        return backends
    }
}
