import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension S3Client {
    /// Stores `body` under `key` in one request (up to 5 GiB; for files use `upload(file:…)`,
    /// which streams in parts). Returns the ETag.
    @discardableResult
    public func put(
        _ body: ByteBuffer, bucket: String, key: String, contentType: String? = nil
    ) async throws -> String {
        var call = Call(method: .PUT, operation: "PUT", bucket: bucket, key: key, body: body, timeout: .minutes(10))
        if let contentType {
            call.headers.append(("content-type", contentType))
        }
        let response = try await exchange(call).response
        return response.headers.first(name: "etag")?.withoutQuotes ?? ""
    }

    /// The object's size, ETag and type, without its bytes. A missing key throws
    /// `S3Error` with `.noSuchKey`.
    public func head(bucket: String, key: String) async throws -> StoredObject {
        let call = Call(method: .HEAD, operation: "HEAD", bucket: bucket, key: key)
        let response = try await send(call)
        return try describe(response, key: key, call: call)
    }

    /// True when the key exists; other failures (wrong key, store down) still throw.
    public func exists(bucket: String, key: String) async throws -> Bool {
        do {
            _ = try await head(bucket: bucket, key: key)
            return true
        } catch S3Error.noSuchKey {
            return false
        }
    }

    /// Streams the object (or `range` of it) to `consume`, chunk by chunk as it arrives;
    /// nothing is held beyond one chunk. Returns what the store says about the object.
    ///
    /// A download cut short (the connection closed mid-body) is continued from the bytes
    /// received, with `Range` from there and `If-Match` on the first reply's ETag, up to
    /// `RetryPolicy.resumesOfADownload` times: `consume` sees every byte once, in order, and an
    /// object replaced in between is refused (`.objectChanged`), never spliced.
    @discardableResult
    public func get(
        bucket: String, key: String, range: ByteRange? = nil,
        consume: (ByteBuffer) async throws -> Void
    ) async throws -> StoredObject {
        let first = range?.first ?? 0
        var received: Int64 = 0
        var object: StoredObject?
        var resumes = 0
        while true {
            let asked = object == nil ? range : ByteRange(first: first + received, last: range?.last)
            var call = Call(method: .GET, operation: asked == nil ? "GET" : "GET \(asked!)", bucket: bucket, key: key)
            call.timeout = .hours(6)
            if let asked {
                call.headers.append(("range", asked.headerValue))
            }
            if let object {
                call.headers.append(("if-match", "\"\(object.etag)\""))
            }
            let response: HTTPClientResponse
            do {
                response = try await send(call)
            } catch let error as S3Error where object != nil && error.httpStatus == 412 {
                throw S3Error(
                    code: .objectChanged, message: "it was replaced after \(received) bytes had been read",
                    operation: call.operation, bucket: bucket, key: key, httpStatus: 412, requestID: error.requestID)
            }
            let described = try describe(response, key: key, call: call)
            if object != nil, response.headers.first(name: "content-range")?.hasPrefix("bytes \(first + received)-") != true {
                throw unexpected(call, "the store did not continue the download at byte \(first + received)")
            }
            object = object ?? described
            var chunks = response.body.makeAsyncIterator()
            var cut: (any Error)?
            while true {
                let chunk: ByteBuffer?
                do {
                    chunk = try await chunks.next()
                } catch {
                    // The connection closed mid-body (HTTPClientError, or NIO's parser: "stream
                    // ended at an unexpected time"). What `consume` throws (a full disk) goes up as it is.
                    cut = error
                    break
                }
                guard let chunk else { break }
                received += Int64(chunk.readableBytes)
                try await consume(chunk)
            }
            let whole = range?.last.map { $0 - first + 1 } ?? (object!.size - first)
            guard let cut, received < whole else {
                return object!
            }
            guard resumes < RetryPolicy.resumesOfADownload, !object!.etag.isEmpty else {
                throw S3Error(
                    code: .unreachable,
                    message: "the download broke off after \(received) bytes\(resumes > 0 ? " (continued \(resumes) times)" : ""): \(cut)",
                    operation: call.operation, bucket: bucket, key: key)
            }
            resumes += 1
            try await Task.sleep(for: RetryPolicy.pause(after: resumes))
        }
    }

    /// The object's (or range's) bytes in memory, refusing more than `limit`: for thumbnails
    /// and small JSON, not for video (use `download(…to:)`).
    public func getBytes(
        bucket: String, key: String, range: ByteRange? = nil, limit: Int = 64 << 20
    ) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        try await get(bucket: bucket, key: key, range: range) { chunk in
            guard bytes.count + chunk.readableBytes <= limit else {
                throw S3Error(
                    code: .entityTooLarge, message: "more than \(limit) bytes for an in-memory read",
                    operation: "GET", bucket: bucket, key: key)
            }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    /// Deletes the key. S3 answers success for a key that is not there, so deleting twice
    /// (a repair run after a crash) is harmless.
    public func delete(bucket: String, key: String) async throws {
        let call = Call(method: .DELETE, operation: "DELETE", bucket: bucket, key: key)
        _ = try await exchange(call)
    }

    /// Server-side copy: no byte passes through this machine. Objects over 5 GiB (CopyObject's
    /// limit) are copied part by part with UploadPartCopy. Returns the new object's ETag.
    @discardableResult
    public func copy(
        bucket: String, from sourceKey: String, to destinationKey: String, sourceBucket: String? = nil
    ) async throws -> String {
        let sourceBucket = sourceBucket ?? bucket
        let source = try await head(bucket: sourceBucket, key: sourceKey)
        if source.size > Int64(S3Configuration.maximumPartSize) {
            return try await multipartCopy(
                bucket: bucket, from: sourceKey, sourceBucket: sourceBucket, size: source.size, to: destinationKey)
        }
        var call = Call(method: .PUT, operation: "copy from \(sourceBucket)/\(sourceKey)", bucket: bucket, key: destinationKey)
        call.headers.append(("x-amz-copy-source", Self.copySource(bucket: sourceBucket, key: sourceKey)))
        call.timeout = .minutes(30)
        // A copy can fail after the 200 has been sent; the failure is then in the body.
        let reply = try XMLReader.parse(try await sendReadingReply(call))
        if reply.name == "Error" {
            throw S3Error(
                code: S3Error.Code(rawValue: reply["Code"] ?? "InternalError"), message: reply["Message"] ?? "",
                operation: call.operation, bucket: bucket, key: destinationKey, requestID: reply["RequestId"])
        }
        return reply["ETag"]?.withoutQuotes ?? ""
    }

    /// `x-amz-copy-source` is `bucket/key` URL-encoded, with the key's slashes kept.
    static func copySource(bucket: String, key: String) -> String {
        URIEncoding.encodePath("\(bucket)/\(key)")
    }

    /// Creates the bucket; one that this user owns already is fine.
    public func createBucket(_ bucket: String) async throws {
        let call = Call(method: .PUT, operation: "create bucket", bucket: bucket)
        do {
            _ = try await exchange(call)
        } catch let error as S3Error where error.code == .bucketAlreadyOwnedByYou {
            return
        }
    }

    /// Deletes an empty bucket.
    public func deleteBucket(_ bucket: String) async throws {
        let call = Call(method: .DELETE, operation: "delete bucket", bucket: bucket)
        _ = try await exchange(call)
    }

    /// A URL that lets whoever holds it GET (or PUT) this one object until it expires,
    /// without the keys: for handing a video to a browser straight from the store.
    public func presignedURL(
        method: String = "GET", bucket: String, key: String, expires: Duration = .seconds(3600), date: Date = Date()
    ) -> String {
        let request = SignableRequest(
            method: method, path: "/\(bucket)/\(key)", headers: [("host", configuration.endpoint.hostHeader)])
        return configuration.endpoint.baseURL + signer.presign(request, date: date, expires: expires).pathAndQuery
    }

    func describe(_ response: HTTPClientResponse, key: String, call: Call) throws -> StoredObject {
        let headers = response.headers
        var size = headers.first(name: "content-length").flatMap { Int64($0) }
        // A ranged reply's Content-Length is the range's; the whole size is after the slash.
        if let contentRange = headers.first(name: "content-range"),
           let total = contentRange.split(separator: "/").last.flatMap({ Int64($0) }) {
            size = total
        }
        guard let size else {
            throw unexpected(call, "the reply has no Content-Length")
        }
        return StoredObject(
            key: key, size: size, etag: headers.first(name: "etag")?.withoutQuotes ?? "",
            lastModified: headers.first(name: "last-modified").flatMap(S3Dates.http),
            contentType: headers.first(name: "content-type"))
    }
}
