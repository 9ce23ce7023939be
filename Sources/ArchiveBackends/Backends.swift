import Foundation
import MediaArchive

/// Where an archive's objects and entries are, as `--store` / `--catalogue` (or
/// `$MEDIA_ARCHIVE_STORE` / `$MEDIA_ARCHIVE_CATALOGUE`) say. The archive folder keeps its
/// settings (policy, counties, rounds), form records, tokens and audit log in every case.
public struct Backends: Sendable {
    /// nil: the archive folder (`file:`), through the code paths it always had.
    public var store: (any ObjectStore)?
    /// nil: the archive folder's JSON files (`json:`).
    public var catalogue: (any EntryCatalogue)?

    public init(store: (any ObjectStore)? = nil, catalogue: (any EntryCatalogue)? = nil) {
        self.store = store
        self.catalogue = catalogue
    }

    public static func open(store: String?, catalogue: String?,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Backends {
        let storeText = store ?? environment["MEDIA_ARCHIVE_STORE"] ?? "file:"
        let catalogueText = catalogue ?? environment["MEDIA_ARCHIVE_CATALOGUE"] ?? "json:"
        var backends = Backends()
        switch storeText {
        case "file:", "file", "": break
        default: backends.store = try S3ObjectStore(url: storeText, environment: environment)
        }
        switch catalogueText {
        case "json:", "json", "": break
        default: backends.catalogue = try PostgresCatalogue(url: catalogueText)
        }
        return backends
    }

    /// The catalogue to read and write: the JSON files of `settings`' archive unless another.
    public func catalogue(for settings: ArchiveSettings) -> any EntryCatalogue {
        catalogue ?? JSONEntryCatalogue(root: settings.root)
    }
}
