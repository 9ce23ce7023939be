public import Foundation

/// What `restore --json` prints.
public struct RestoreResult: Sendable, Encodable {
    public var snapshot: String
    public var archive: String
    public var filesRestored = 0
    public var bytesRestored: Int64 = 0
}

/// `media-archive restore --from DIR --archive NEW`: an archive rebuilt from one snapshot
/// (the latest unless named), every file checked against the manifest as it is copied.
public struct BackupRestore: Sendable {
    public var backup: BackupFolder
    public var archive: URL

    public init(from backup: URL, to archive: URL) {
        self.backup = BackupFolder(url: backup)
        self.archive = archive.standardizedFileURL
    }

    @discardableResult
    public func run(snapshot requested: String? = nil) throws -> RestoreResult {
        let name = try requested ?? backup.latestSnapshot()
        guard BackupFolder.isSnapshotName(name), FileManager.default.fileExists(atPath: backup.snapshot(name).path) else {
            throw BackupError.brokenBackup(path: backup.snapshot(name).path, reason: "there is no such snapshot")
        }
        try requireEmptyDestination()
        let manifest = try BackupManifest.read(backup.snapshot(name).appendingPathComponent(BackupFolder.manifestName))
        let snapshotPrefix = "snapshots/\(name)/"
        var result = RestoreResult(snapshot: "snapshots/\(name)", archive: archive.path)
        for line in manifest.lines {
            let inArchive: String
            if line.path.hasPrefix(snapshotPrefix) {
                inArchive = String(line.path.dropFirst(snapshotPrefix.count))
            } else if line.path.hasPrefix("store/") {
                inArchive = String(line.path.dropFirst("store/".count))
            } else {
                throw BackupError.brokenBackup(path: backup.snapshot(name).appendingPathComponent(BackupFolder.manifestName).path,
                                               reason: "\(line.path) is neither in this snapshot nor in the store")
            }
            let source = backup.url.appendingPathComponent(line.path)
            guard DurableCopy.size(of: source) != nil else {
                throw BackupError.brokenBackup(path: source.path, reason: "the manifest names it but it is gone")
            }
            let made = try DurableCopy.copy(source, to: archive.appendingPathComponent(inArchive), expected: line.sha256)
            result.filesRestored += 1
            result.bytesRestored += made.bytes
        }
        return result
    }

    private func requireEmptyDestination() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: archive.path, isDirectory: &isFolder) {
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? ["?"]
            guard isFolder.boolValue, contents.isEmpty else { throw BackupError.destinationNotEmpty(path: archive.path) }
        }
        do {
            try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        } catch {
            throw BackupError.cannotCopy(path: archive.path, reason: error.localizedDescription)
        }
    }
}
