import Crypto
import Foundation
import MediaArchive
import NIOCore
import S3Store

/// The object store in an S3-compatible store (Ceph RGW, MinIO, AWS, Aliyun OSS, Tencent COS),
/// keys as in the archive folder (`<county>/objects/3f/3fa9…e1.mp4`), under an optional prefix.
///
/// Staging is `<county>/staging/<uuid>`: the file is uploaded there (in parts, hashed on the
/// way: one read of the file), then copied inside the store to its content-addressed key (no
/// second upload), then the staged object is deleted. A killed ingest leaves at worst a staged
/// object or an unfinished multipart upload under `staging/`.
public struct S3ObjectStore: ObjectStore {
    public let client: S3Client
    public let bucket: String
    /// Prepended to every key ("" or "city/").
    public let prefix: String
    /// Staged objects and unfinished uploads younger than this may belong to an ingest still
    /// running, so `removeUnfinished` leaves them.
    public var abandonedAfter: TimeInterval = 3600

    public init(client: S3Client, bucket: String, prefix: String = "") {
        self.client = client
        self.bucket = bucket
        self.prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
    }

    /// `s3://BUCKET[/PREFIX]`, the endpoint and keys from the environment
    /// (`MEDIA_ARCHIVE_S3_ENDPOINT`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`).
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard url.hasPrefix("s3://") else { throw StoreSettingError(text: url) }
        let rest = url.dropFirst("s3://".count)
        let bucket = String(rest.prefix { $0 != "/" })
        guard !bucket.isEmpty else { throw StoreSettingError(text: url) }
        let prefix = String(rest.dropFirst(bucket.count).drop { $0 == "/" })
        self.init(client: S3Client(configuration: try S3Configuration.fromEnvironment(environment)), bucket: bucket, prefix: prefix)
    }

    private func full(_ key: String) -> String { prefix + key }

    public func stage(file path: String, county: County) throws -> StagedObject {
        let key = "\(county.slug)/staging/\(UUID().uuidString)"
        let uploaded = try Blocking.run { [self] in try await client.upload(file: path, bucket: bucket, key: full(key)) }
        return StagedObject(key: key, sha256: try SHA256Hash(validating: uploaded.sha256), bytes: uploaded.size)
    }

    public func commit(_ staged: StagedObject, to key: String) throws {
        try Blocking.run { [self] in
            // Content-addressed: an object already there has these bytes; it is kept as it is.
            if try await !client.exists(bucket: bucket, key: full(key)) {
                try await client.copy(bucket: bucket, from: full(staged.key), to: full(key))
            }
            try await client.delete(bucket: bucket, key: full(staged.key))
        }
    }

    public func discard(_ staged: StagedObject) {
        _ = try? Blocking.run { [self] in try await client.delete(bucket: bucket, key: full(staged.key)) }
    }

    public func put(_ data: Data, key: String) throws {
        try Blocking.run { [self] in
            _ = try await client.put(ByteBuffer(bytes: data), bucket: bucket, key: full(key))
        }
    }

    public func size(key: String) throws -> Int64? {
        try Blocking.run { [self] in
            do {
                return try await client.head(bucket: bucket, key: full(key)).size
            } catch S3Error.noSuchKey {
                return nil
            }
        }
    }

    public func sha256(key: String) throws -> SHA256Hash? {
        try Blocking.run { [self] in
            var hash = SHA256()
            do {
                try await client.get(bucket: bucket, key: full(key)) { chunk in
                    chunk.withUnsafeReadableBytes { hash.update(bufferPointer: $0) }
                }
            } catch S3Error.noSuchKey {
                return nil
            }
            return SHA256Hash(digestBytes: hash.finalize())
        }
    }

    public func read(key: String, range: ClosedRange<Int64>?) throws -> Data {
        try Blocking.run { [self] in
            Data(try await client.getBytes(bucket: bucket, key: full(key),
                                           range: range.map { ByteRange(first: $0.lowerBound, last: $0.upperBound) }))
        }
    }

    public func localFile(key: String, scratch: URL) throws -> (url: URL, isCopy: Bool) {
        let url = scratch.appendingPathComponent(".\(UUID().uuidString).fetched")
        _ = try Blocking.run { [self] in try await client.download(bucket: bucket, key: full(key), to: url.path) }
        return (url, true)
    }

    public func keys(under keyPrefix: String) throws -> [String] {
        try objects(under: keyPrefix).map(\.key)
    }

    private func objects(under keyPrefix: String) throws -> [(key: String, modified: Date?)] {
        try Blocking.run { [self] in
            var found: [(key: String, modified: Date?)] = []
            for try await object in client.list(bucket: bucket, prefix: full(keyPrefix)) {
                found.append((String(object.key.dropFirst(prefix.count)), object.lastModified))
            }
            return found.sorted { $0.key < $1.key }
        }
    }

    private func uploads(county: County) throws -> [UnfinishedUpload] {
        try Blocking.run { [self] in try await client.unfinishedUploads(bucket: bucket, prefix: full("\(county.slug)/staging/")) }
    }

    /// Staged objects by key; unfinished multipart uploads as `KEY (unfinished upload)`.
    public func unfinished(county: County) throws -> [String] {
        try objects(under: "\(county.slug)/staging/").map(\.key)
            + uploads(county: county).map { "\($0.key.dropFirst(prefix.count)) (unfinished upload)" }
    }

    public func removeUnfinished(county: County) throws -> [String] {
        let cutoff = Date().addingTimeInterval(-abandonedAfter)
        var removed: [String] = []
        for object in try objects(under: "\(county.slug)/staging/") where (object.modified ?? .distantPast) <= cutoff {
            try Blocking.run { [self] in try await client.delete(bucket: bucket, key: full(object.key)) }
            removed.append(object.key)
        }
        for upload in try uploads(county: county) where (upload.initiated ?? .distantPast) <= cutoff {
            try Blocking.run { [self] in try await client.abortMultipartUpload(uploadID: upload.uploadID, bucket: bucket, key: upload.key) }
            removed.append("\(upload.key.dropFirst(prefix.count)) (unfinished upload)")
        }
        return removed
    }
}

/// `--store` that is neither `file:` nor `s3://BUCKET[/PREFIX]`.
public struct StoreSettingError: Error, CustomStringConvertible {
    public var text: String
    public var description: String {
        "the store \"\(text)\" is not understood: give file: (the archive folder) or s3://BUCKET[/PREFIX] with MEDIA_ARCHIVE_S3_ENDPOINT set"
    }
}
