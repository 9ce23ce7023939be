import Foundation

/// Where an archive's objects and entries are, as `--store` / `--catalogue` (or
/// `$MEDIA_ARCHIVE_STORE` / `$MEDIA_ARCHIVE_CATALOGUE`) say; `ArchiveBackends` opens the S3
/// and PostgreSQL ones (`Backends.open`). The archive folder keeps its settings (policy,
/// counties, rounds) in every case.
public struct StorageBackends: Sendable {
    /// nil: the archive folder (`file:`), through the code paths it always had.
    public var store: (any ObjectStore)?
    /// nil: the archive folder's JSON files (`json:`).
    public var catalogue: (any EntryCatalogue)?

    /// nil: `tokens.json` in the archive folder; with PostgreSQL, its `access_tokens` table.
    public var tokenStorage: (any TokenStorage)?

    public init(store: (any ObjectStore)? = nil, catalogue: (any EntryCatalogue)? = nil, tokenStorage: (any TokenStorage)? = nil) {
        self.store = store
        self.catalogue = catalogue
        self.tokenStorage = tokenStorage ?? (catalogue as? any TokenStorage)
    }

    /// The archive's access tokens, wherever they are kept.
    public func tokens(_ settings: ArchiveSettings) -> AccessTokens {
        AccessTokens(root: settings.root, storage: tokenStorage)
    }

    /// The form records: `forms/` in the archive folder, or the PostgreSQL catalogue's table.
    public func forms(_ settings: ArchiveSettings) -> FormStore {
        FormStore(settings: settings, storage: catalogue?.formStorage)
    }

    /// The marks: each county's `marks.jsonl`, or the PostgreSQL catalogue's table.
    public func marks(_ settings: ArchiveSettings) -> MarkLog {
        MarkLog(settings: settings, storage: catalogue?.markStorage)
    }

    /// The audit log: `audit/` in the archive folder, or the PostgreSQL catalogue's table.
    public func audit(_ settings: ArchiveSettings) -> AuditLog {
        AuditLog(settings: settings, storage: catalogue as? any AuditStorage)
    }

    /// Both in the archive folder: the embedded archive.
    public var isEmbedded: Bool { store == nil && catalogue == nil }

    /// The catalogue to read and write: the JSON files of `settings`' archive unless another.
    public func catalogue(for settings: ArchiveSettings) -> any EntryCatalogue {
        catalogue ?? JSONEntryCatalogue(root: settings.root)
    }

    /// The store to read objects from: the archive folder unless another.
    public func objectStore(for settings: ArchiveSettings) -> any ObjectStore {
        store ?? FolderObjectStore(root: settings.root)
    }

    public func catalog(_ settings: ArchiveSettings) -> Catalog {
        Catalog(settings: settings, catalogue: catalogue)
    }

    public func statusReader(_ settings: ArchiveSettings) -> HandInStatusReader {
        HandInStatusReader(settings: settings, catalogue: catalogue)
    }

    /// `ingester` writing its bytes and entries here.
    public func ingester(_ ingester: Ingester) -> Ingester {
        var ingester = ingester
        ingester.catalogue = catalogue(for: ingester.settings)
        ingester.objectStore = store
        return ingester
    }
}
