public import Foundation

/// The layout of a backup folder:
///
/// ```
/// <backup>/store/hualong/objects/3f/3fa9…e1.mp4   stored files and thumbnails, at their archive paths;
/// <backup>/store/hualong/thumbs/3f/3fa9…e1.jpg    content-addressed, so each is copied once, ever
/// <backup>/snapshots/20261201T213000Z/            one per backup: counties.json, policy.json,
///     hualong/index/…, audit/…, tokens.json       tokens.json, audit/, each county's index/ …
///     manifest-sha256.txt                         SHA-256 of every file the snapshot needs
///     snapshot.json                               when, which version, the counts
/// <backup>/latest                                 the newest complete snapshot's name
/// ```
///
/// A snapshot is built under `snapshots/.partial-<name>` and renamed when complete, and `latest`
/// is replaced after that, so an interrupted backup leaves the previous one as it was.
/// `manifest-sha256.txt` names files relative to `<backup>`: `cd <backup> && sha256sum -c
/// snapshots/<name>/manifest-sha256.txt` checks a backup without this program.
public struct BackupFolder: Sendable {
    public let url: URL

    public init(url: URL) { self.url = url.standardizedFileURL }

    var store: URL { url.appendingPathComponent("store", isDirectory: true) }
    var snapshots: URL { url.appendingPathComponent("snapshots", isDirectory: true) }
    var latestFile: URL { url.appendingPathComponent("latest") }

    func snapshot(_ name: String) -> URL { snapshots.appendingPathComponent(name, isDirectory: true) }
    func partialSnapshot(_ name: String) -> URL { snapshots.appendingPathComponent(".partial-\(name)", isDirectory: true) }
    static let manifestName = "manifest-sha256.txt"
    static let summaryName = "snapshot.json"

    /// The newest complete snapshot, as `latest` names it.
    func latestSnapshot() throws -> String {
        guard let text = try? String(contentsOf: latestFile, encoding: .utf8) else {
            throw BackupError.notABackup(path: url.path)
        }
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard Self.isSnapshotName(name), FileManager.default.fileExists(atPath: snapshot(name).path) else {
            throw BackupError.brokenBackup(path: latestFile.path, reason: "it names no snapshot in \(snapshots.path)")
        }
        return name
    }

    /// Every complete snapshot, oldest first.
    func allSnapshots() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: snapshots.path)) ?? []
        let complete = names.filter(Self.isSnapshotName).sorted()
        if complete.isEmpty { throw BackupError.notABackup(path: url.path) }
        return complete
    }

    /// "20261201T213000Z", or with "-2"… when two backups start in the same second.
    static func isSnapshotName(_ name: String) -> Bool {
        !name.isEmpty && name.first != "." && name.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "T")
            || $0 == UInt8(ascii: "Z") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// Why a backup, restore or check could not be done, naming the folder or file and what to do.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    case notABackup(path: String)
    case brokenBackup(path: String, reason: String)
    case destinationNotEmpty(path: String)
    case cannotCopy(path: String, reason: String)
    case damaged(path: String, expected: SHA256Hash, found: SHA256Hash)
    case insideArchive(path: String, archive: String)

    public var description: String {
        switch self {
        case .notABackup(let path):
            return "\(path) holds no backup (no latest snapshot); give the folder `media-archive backup --to` wrote"
        case .brokenBackup(let path, let reason):
            return "\(path): \(reason); run `media-archive backup --check` on the backup folder, or restore from another backup"
        case .destinationNotEmpty(let path):
            return "\(path) exists and is not empty; restore into a new folder (nothing is ever overwritten)"
        case .cannotCopy(let path, let reason):
            return "\(path) cannot be copied (\(reason)); check the disk's free space and the folder's permissions"
        case .damaged(let path, let expected, let found):
            return "\(path) is damaged: its SHA-256 is \(found), the manifest says \(expected); restore from an older snapshot or another backup"
        case .insideArchive(let path, let archive):
            return "\(path) is inside the archive \(archive); back up to a folder outside it (another disk, ideally)"
        }
    }
}
