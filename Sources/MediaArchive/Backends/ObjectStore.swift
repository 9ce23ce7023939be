public import Foundation

/// A file read once into the store's staging area, with what that read learnt about it.
public struct StagedObject: Sendable, Equatable {
    /// Where the bytes wait: a staging key of the store.
    public var key: String
    public var sha256: SHA256Hash
    public var bytes: Int64

    public init(key: String, sha256: SHA256Hash, bytes: Int64) {
        self.key = key
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// The object store seam (issue 14): where the files' bytes are kept, under the archive's
/// layout of keys (`<county>/objects/3f/3fa9…e1.mp4`, `<county>/thumbs/3f/3fa9…e1.jpg`,
/// `<county>/staging/…`). The archive folder (`FolderObjectStore`) and any S3-compatible
/// store (`ArchiveBackends.S3ObjectStore`) implement it.
///
/// Ingest stages a file (one read: hashed while written), then commits it to its
/// content-addressed key, then catalogues it; a crash between the steps leaves at worst a staged
/// object, which `unfinished(county:)` lists and `removeUnfinished(county:)` deletes.
public protocol ObjectStore: Sendable {
    /// Writes the file at `path` to a new staging key of the county, hashing it on the way.
    func stage(file path: String, county: County) throws -> StagedObject
    /// Puts a staged object under `key` (moved, or copied inside the store: never sent again)
    /// and removes the staged copy. An object already under `key` is kept as it is.
    func commit(_ staged: StagedObject, to key: String) throws
    /// Removes a staged object that will not be committed (a duplicate, a failed ingest).
    func discard(_ staged: StagedObject)
    /// Writes small bytes (a thumbnail) under `key`.
    func put(_ data: Data, key: String) throws
    /// The object's size, nil when there is none.
    func size(key: String) throws -> Int64?
    /// The SHA-256 of the object's bytes, streamed from the store; nil when there is none.
    func sha256(key: String) throws -> SHA256Hash?
    /// Bytes of an object; `range` nil: all of it (small objects only).
    func read(key: String, range: ClosedRange<Int64>?) throws -> Data
    /// The object as a local file to read: the folder store's own file, else a copy made in
    /// `scratch` (the caller deletes it; `isCopy` says whether it must).
    func localFile(key: String, scratch: URL) throws -> (url: URL, isCopy: Bool)
    /// Every key under `prefix` ("hualong/objects/"), sorted.
    func keys(under prefix: String) throws -> [String]
    /// What killed ingests left behind for the county: staged objects, unfinished uploads.
    func unfinished(county: County) throws -> [String]
    /// Deletes what `unfinished` lists; returns what it deleted.
    func removeUnfinished(county: County) throws -> [String]
}

extension ObjectStore {
    public static func objectKey(county: County, sha256: SHA256Hash, extension ext: String) -> String {
        "\(county.slug)/objects/\(sha256.bucket)/\(sha256).\(ext)"
    }

    public static func thumbnailKey(county: County, sha256: SHA256Hash) -> String {
        "\(county.slug)/thumbs/\(sha256.bucket)/\(sha256).jpg"
    }
}

/// The embedded store: the files in the archive folder, as always (`CountyFolder`'s layout;
/// staging is the county's `staging/` folder on the same filesystem, so commit is a rename).
public struct FolderObjectStore: ObjectStore {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    private func url(_ key: String) throws -> URL {
        guard let slug = key.split(separator: "/").first else { throw ArchiveError.unsafeName(key) }
        return try CountyFolder(root: root, county: County(slug: String(slug), name: String(slug))).resolve(key)
    }

    public func stage(file path: String, county: County) throws -> StagedObject {
        let folder = try CountyFolder(root: root, county: county)
        let copied = try HashingCopy.copy(path, into: folder.staging)
        return StagedObject(key: "\(county.slug)/staging/\(copied.temporary.lastPathComponent)", sha256: copied.sha256, bytes: copied.bytes)
    }

    public func commit(_ staged: StagedObject, to key: String) throws {
        let from = try url(staged.key), to = try url(key)
        if FileManager.default.fileExists(atPath: to.path) { discard(staged); return }
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard rename(from.path, to.path) == 0 else { throw AtomicFile.posixError("cannot move the copy into \(to.path)") }
        AtomicFile.syncFolder(to.deletingLastPathComponent())
    }

    public func discard(_ staged: StagedObject) {
        if let url = try? url(staged.key) { try? FileManager.default.removeItem(at: url) }
    }

    public func put(_ data: Data, key: String) throws {
        let url = try url(key)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: url)
    }

    public func size(key: String) throws -> Int64? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: try url(key).path)
        return (attributes?[.size] as? NSNumber)?.int64Value
    }

    public func sha256(key: String) throws -> SHA256Hash? {
        let url = try url(key)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try HashingCopy.sha256(of: url.path)
    }

    public func read(key: String, range: ClosedRange<Int64>?) throws -> Data {
        let handle = try FileHandle(forReadingFrom: try url(key))
        defer { try? handle.close() }
        guard let range else { return try handle.readToEnd() ?? Data() }
        try handle.seek(toOffset: UInt64(range.lowerBound))
        return try handle.read(upToCount: Int(range.upperBound - range.lowerBound + 1)) ?? Data()
    }

    public func localFile(key: String, scratch: URL) throws -> (url: URL, isCopy: Bool) {
        (try url(key), false)
    }

    public func keys(under prefix: String) throws -> [String] {
        Verifier.storedFiles(under: root.appendingPathComponent(prefix), root: root).map(\.1)
    }

    public func unfinished(county: County) throws -> [String] {
        let staging = try CountyFolder(root: root, county: county).staging
        return ((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []).sorted().map { "\(county.slug)/staging/\($0)" }
    }

    /// Staged copies are only removed once they are old (a running ingest may still write
    /// one): the same rule ingest applies when it starts.
    public func removeUnfinished(county: County) throws -> [String] {
        let before = try unfinished(county: county)
        Ingester.removeAbandonedCopies(in: try CountyFolder(root: root, county: county).staging,
                                       olderThan: Date().addingTimeInterval(-Ingester.abandonedAfter))
        let after = Set(try unfinished(county: county))
        return before.filter { !after.contains($0) }
    }
}
