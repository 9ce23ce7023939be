public import Foundation

/// What `backup --json` prints. Keys are a contract: extend, never rename.
public struct BackupResult: Sendable, Encodable {
    /// "snapshots/20261201T213000Z", relative to the backup folder.
    public var snapshot: String
    /// Stored files copied into the backup's store this time (new since the last backup).
    public var objectsCopied = 0
    /// Stored files the store already had.
    public var objectsAlreadyBackedUp = 0
    public var thumbnailsCopied = 0
    /// Everything written this time: new objects and thumbnails, and the snapshot's files.
    public var bytesCopied: Int64 = 0
    /// Catalogue, registry, policy, tokens, audit and other archive files in the snapshot.
    public var snapshotFiles = 0
    /// Lines of the manifest: every file a restore of this snapshot reads.
    public var manifestFiles = 0
    /// Catalogued objects the archive no longer has (`verify` reports them too); left out.
    public var missing: [String] = []
    /// Catalogued objects whose bytes no longer match their SHA-256; left out.
    public var corrupt: [String] = []

    public var hasProblems: Bool { !missing.isEmpty || !corrupt.isEmpty }
}

/// `media-archive backup --to DIR`: a consistent copy of an archive that costs, the second
/// time, only what is new.
///
/// Consistency comes from the order ingest already keeps: an object is renamed into
/// `objects/` (and its thumbnail written) before its entry is added under the county lock, and
/// objects are never removed. So the snapshot first copies every catalogue and settings file
/// while holding every county's lock (and the tokens' and audit log's), and only then copies
/// the objects and thumbnails that *that* catalogue names: each is already there, and a file
/// stored after the snapshot is left for the next backup, not half-named in this one.
public struct ArchiveBackup: Sendable {
    public var settings: ArchiveSettings
    public var destination: BackupFolder
    public var now: @Sendable () -> Date

    public init(settings: ArchiveSettings, to destination: URL, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.destination = BackupFolder(url: destination)
        self.now = now
    }

    @discardableResult
    public func run() throws -> BackupResult {
        try settings.requireArchiveFolder()
        let archivePath = settings.root.path.hasSuffix("/") ? settings.root.path : settings.root.path + "/"
        guard !(destination.url.path + "/").hasPrefix(archivePath) else {
            throw BackupError.insideArchive(path: destination.url.path, archive: settings.root.path)
        }
        let name = try newSnapshotName()
        let partial = destination.partialSnapshot(name)
        try? FileManager.default.removeItem(at: partial)
        do {
            try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: destination.store, withIntermediateDirectories: true)
        } catch {
            throw BackupError.cannotCopy(path: destination.url.path, reason: error.localizedDescription)
        }
        var result = BackupResult(snapshot: "snapshots/\(name)")
        var manifest = BackupManifest(lines: [])

        let metadata = try ArchiveLocks(settings: settings).whileHeld {
            try ArchiveMetadata(root: settings.root).copy(into: partial)
        }
        result.snapshotFiles = metadata.count
        for file in metadata {
            result.bytesCopied += file.bytes
            manifest.lines.append(.init(sha256: file.sha256, path: "snapshots/\(name)/\(file.path)"))
        }

        let content = try StoreCopy(archive: settings.root, store: destination.store)
            .copy(namedBy: snapshotCatalogue(partial))
        result.objectsCopied = content.objectsCopied
        result.objectsAlreadyBackedUp = content.objectsAlreadyThere
        result.thumbnailsCopied = content.thumbnailsCopied
        result.bytesCopied += content.bytesCopied
        result.missing = content.missing
        result.corrupt = content.corrupt
        manifest.lines += content.lines.map { .init(sha256: $0.sha256, path: "store/\($0.path)") }
        result.manifestFiles = manifest.lines.count

        try finish(name, partial: partial, manifest: manifest, result: result)
        return result
    }

    /// The catalogue as the snapshot has it, read with the archive's own catalogue code.
    private func snapshotCatalogue(_ snapshot: URL) throws -> [CatalogEntry] {
        var entries: [CatalogEntry] = []
        for county in settings.counties.counties {
            let folder = try CountyFolder(root: snapshot, county: county)
            guard FileManager.default.fileExists(atPath: folder.url.path) else { continue }
            entries += try CountyCatalog(folder: folder).allEntries()
        }
        return entries
    }

    private func finish(_ name: String, partial: URL, manifest: BackupManifest, result: BackupResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let summary = BackupSummary(createdAt: AuditLog(settings: settings).stamp(now()), version: ArchiveVersion.current,
                                    archive: settings.root.path, result: result)
        let final = destination.snapshot(name)
        do {
            try AtomicFile.write(Data(manifest.text.utf8), to: partial.appendingPathComponent(BackupFolder.manifestName))
            try AtomicFile.write(try encoder.encode(summary), to: partial.appendingPathComponent(BackupFolder.summaryName))
            try FileManager.default.moveItem(at: partial, to: final)
            AtomicFile.syncFolder(destination.snapshots)
            try AtomicFile.write(Data("\(name)\n".utf8), to: destination.latestFile)
        } catch {
            throw BackupError.cannotCopy(path: final.path, reason: error.localizedDescription)
        }
    }

    /// The time in UTC, so snapshot names sort in the order they were taken.
    private func newSnapshotName() throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now())
        let base = String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!,
                          parts.hour!, parts.minute!, parts.second!)
        var name = base
        var number = 2
        while FileManager.default.fileExists(atPath: destination.snapshot(name).path) {
            name = "\(base)-\(number)"
            number += 1
        }
        return name
    }
}

/// `snapshot.json`: what a person opening the backup folder wants to know first.
struct BackupSummary: Encodable {
    var createdAt: String
    var version: String
    var archive: String
    var result: BackupResult
}
