public import Foundation

/// What `backup --check --json` prints.
public struct BackupCheckReport: Sendable, Encodable {
    public var snapshots: [String] = []
    /// Distinct files re-hashed (a stored file several snapshots name is hashed once).
    public var checked = 0
    public var ok = 0
    /// Paths (relative to the backup folder) whose bytes no longer match the manifest.
    public var corrupt: [String] = []
    /// Paths the manifest names that are gone.
    public var missing: [String] = []

    public var hasProblems: Bool { !corrupt.isEmpty || !missing.isEmpty }
}

/// `media-archive backup --check DIR`: re-hashes every file every snapshot's manifest names.
public struct BackupCheck: Sendable {
    public var backup: BackupFolder

    public init(_ backup: URL) { self.backup = BackupFolder(url: backup) }

    public func run() throws -> BackupCheckReport {
        var report = BackupCheckReport()
        var expected: [String: SHA256Hash] = [:]
        for name in try backup.allSnapshots() {
            report.snapshots.append("snapshots/\(name)")
            let manifest = try BackupManifest.read(backup.snapshot(name).appendingPathComponent(BackupFolder.manifestName))
            for line in manifest.lines { expected[line.path] = line.sha256 }
        }
        let folder = backup.url
        let files = expected.sorted { $0.key < $1.key }.map { (path: $0.key, sha256: $0.value) }
        let results = files.parallelMap { file -> (String, Bool?) in
            let url = folder.appendingPathComponent(file.path)
            guard DurableCopy.size(of: url) != nil, let found = try? HashingCopy.sha256(of: url.path) else { return (file.path, nil) }
            return (file.path, found == file.sha256)
        }
        for (path, matches) in results {
            switch matches {
            case nil: report.missing.append(path)
            case false?: report.corrupt.append(path); report.checked += 1
            case true?: report.ok += 1; report.checked += 1
            }
        }
        return report
    }
}
