import Foundation

/// Every lock a writer of the archive's catalogue and settings takes: each county's catalogue
/// lock, the tokens' and the audit log's. Held together, nothing those files say can change.
/// Writers take one of them at a time, so taking them all in one fixed order cannot deadlock.
struct ArchiveLocks {
    let settings: ArchiveSettings

    var lockFiles: [URL] {
        // Only counties that have a folder: a backup must not create county folders. A county
        // whose first ingest starts meanwhile is still safe, by the order ingest writes in.
        let counties = settings.counties.counties.compactMap { county -> URL? in
            guard let folder = try? CountyFolder(root: settings.root, county: county),
                  FileManager.default.fileExists(atPath: folder.url.path) else { return nil }
            return folder.lockFile
        }
        return counties + [AccessTokens(root: settings.root).lockFile, AuditLog(settings: settings).lockFile]
    }

    func whileHeld<Result>(_ body: () throws -> Result) throws -> Result {
        try Self.holding(lockFiles[...], body)
    }

    private static func holding<Result>(_ files: ArraySlice<URL>, _ body: () throws -> Result) throws -> Result {
        guard let first = files.first else { return try body() }
        return try CountyLock.withLock(first) { try holding(files.dropFirst(), body) }
    }
}
