#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// A file now in the store, with the SHA-256 of its content computed on the way up.
public struct UploadedFile: Sendable, Equatable {
    public var bucket: String
    public var key: String
    public var size: Int64
    /// Lower-case hex SHA-256 of the whole file, from the same read that uploaded it.
    public var sha256: String
    public var etag: String
    /// 1 for a single PUT.
    public var parts: Int
}

/// An object (or a range of it) now in a local file, hashed on the way down.
public struct DownloadedFile: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
    public var sha256: String
    public var object: StoredObject
}

extension S3Client {
    /// Uploads the file under `key`, reading it once: each part is hashed into the whole
    /// file's SHA-256 as it is read and sent while the next one is read, so a 4 GiB video
    /// costs `partSize × concurrentParts` of memory and one pass over the disk.
    ///
    /// Files up to one part go up in a single PUT. If anything fails after a multipart
    /// upload has started, it is aborted; should this process die instead, the unfinished
    /// upload is what `unfinishedUploads(bucket:prefix:)` finds.
    public func upload(
        file path: String, bucket: String, key: String, contentType: String? = nil
    ) async throws -> UploadedFile {
        let file = try LocalFile.openForReading(path)
        let size = try file.size()
        let partSize = Self.partSizeFitting(size: size, preferred: configuration.partSize)
        if size <= Int64(partSize) {
            let body = try await file.read(at: 0, count: Int(size))
            var hashing = SHA256Hashing()
            hashing.update(body)
            let sha256 = hashing.finalizeHex()
            let etag = try await named(path) {
                try await put(body, bucket: bucket, key: key, contentType: contentType)
            }
            return UploadedFile(bucket: bucket, key: key, size: size, sha256: sha256, etag: etag, parts: 1)
        }

        let uploadID = try await startMultipartUpload(bucket: bucket, key: key, contentType: contentType)
        do {
            var hashing = SHA256Hashing()
            let concurrentParts = configuration.concurrentParts
            let parts = try await withThrowingTaskGroup(of: UploadedPart.self) { group in
                var uploaded: [UploadedPart] = []
                var offset: Int64 = 0
                var number = 1
                while offset < size {
                    let count = Int(min(Int64(partSize), size - offset))
                    let body = try await file.read(at: offset, count: count)
                    hashing.update(body)
                    if number > concurrentParts, let done = try await group.next() {
                        uploaded.append(done)
                    }
                    let partNumber = number
                    group.addTask {
                        try await uploadPart(body, number: partNumber, uploadID: uploadID, bucket: bucket, key: key)
                    }
                    offset += Int64(count)
                    number += 1
                }
                for try await done in group {
                    uploaded.append(done)
                }
                return uploaded
            }
            let etag = try await completeMultipartUpload(uploadID: uploadID, parts: parts, bucket: bucket, key: key)
            return UploadedFile(
                bucket: bucket, key: key, size: size, sha256: hashing.finalizeHex(), etag: etag, parts: parts.count)
        } catch {
            try? await abortMultipartUpload(uploadID: uploadID, bucket: bucket, key: key)
            throw Self.naming(path, in: error)
        }
    }

    /// Downloads the object (or `range` of it) to `path`, hashing it as it arrives. The
    /// bytes go to `path.partial` first and are renamed into place once complete and synced,
    /// so `path` is never a cut-off copy.
    public func download(
        bucket: String, key: String, range: ByteRange? = nil, to path: String
    ) async throws -> DownloadedFile {
        let partialPath = path + ".partial"
        let file = try LocalFile.openForWriting(partialPath)
        let flushSize = 8 << 20
        var pending = ByteBufferAllocator().buffer(capacity: flushSize)
        var written: Int64 = 0
        var hashing = SHA256Hashing()
        do {
            let object = try await get(bucket: bucket, key: key, range: range) { chunk in
                hashing.update(chunk)
                var chunk = chunk
                pending.writeBuffer(&chunk)
                if pending.readableBytes >= flushSize {
                    try await file.write(pending, at: written)
                    written += Int64(pending.readableBytes)
                    pending.clear()
                }
            }
            if pending.readableBytes > 0 {
                try await file.write(pending, at: written)
                written += Int64(pending.readableBytes)
            }
            try await file.synchronize()
            guard rename(partialPath, path) == 0 else {
                throw S3Error(
                    code: .localFile, message: "cannot rename \(partialPath) to \(path): \(String(cString: strerror(errno)))",
                    operation: "download", bucket: bucket, key: key)
            }
            return DownloadedFile(path: path, bytes: written, sha256: hashing.finalizeHex(), object: object)
        } catch {
            unlink(partialPath)
            throw Self.naming(path, in: error)
        }
    }

    private func named<T>(_ path: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Self.naming(path, in: error)
        }
    }

    /// The store's error says which key; this adds which local file, so a clerk knows which
    /// video to look at.
    static func naming(_ path: String, in error: any Error) -> any Error {
        guard var error = error as? S3Error else { return error }
        if !error.message.contains(path) {
            error.message += error.message.isEmpty ? "file \(path)" : " (file \(path))"
        }
        return error
    }
}
