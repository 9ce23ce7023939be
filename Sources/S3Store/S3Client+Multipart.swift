import Foundation
import NIOCore

/// A part the store has accepted, as CompleteMultipartUpload needs it back.
public struct UploadedPart: Sendable, Equatable {
    public var number: Int
    public var etag: String
}

/// A multipart upload that was started and neither completed nor aborted: after a crash
/// these hold storage until aborted (`verify --repair` lists and aborts them).
public struct UnfinishedUpload: Sendable, Equatable {
    public var key: String
    public var uploadID: String
    public var initiated: Date?
}

extension S3Client {
    /// Starts a multipart upload and returns its upload id.
    public func startMultipartUpload(bucket: String, key: String, contentType: String? = nil) async throws -> String {
        var call = Call(method: .POST, operation: "start multipart upload", bucket: bucket, key: key, query: [("uploads", "")])
        if let contentType {
            call.headers.append(("content-type", contentType))
        }
        let reply = try await sendReadingXML(call)
        guard let uploadID = reply["UploadId"], !uploadID.isEmpty else {
            throw unexpected(call, "no UploadId in the reply")
        }
        return uploadID
    }

    /// Uploads part `number` (1…10,000). `sha256` is the part's hex hash when the caller has
    /// it already, which spares a second pass over the bytes.
    public func uploadPart(
        _ body: ByteBuffer, number: Int, uploadID: String, bucket: String, key: String, sha256: String? = nil
    ) async throws -> UploadedPart {
        let call = Call(
            method: .PUT, operation: "upload part \(number)", bucket: bucket, key: key,
            query: [("partNumber", String(number)), ("uploadId", uploadID)], body: body, bodyHash: sha256,
            timeout: .minutes(10))
        let response = try await exchange(call).response
        guard let etag = response.headers.first(name: "etag"), !etag.isEmpty else {
            throw unexpected(call, "the store accepted the part but gave no ETag")
        }
        return UploadedPart(number: number, etag: etag.withoutQuotes)
    }

    /// Fills part `number` with `range` of another object, inside the store.
    public func uploadPartCopy(
        from sourceKey: String, sourceBucket: String, range: ByteRange,
        number: Int, uploadID: String, bucket: String, key: String
    ) async throws -> UploadedPart {
        var call = Call(
            method: .PUT, operation: "copy part \(number) from \(sourceBucket)/\(sourceKey)", bucket: bucket, key: key,
            query: [("partNumber", String(number)), ("uploadId", uploadID)], timeout: .minutes(30))
        call.headers.append(("x-amz-copy-source", Self.copySource(bucket: sourceBucket, key: sourceKey)))
        call.headers.append(("x-amz-copy-source-range", range.headerValue))
        let reply = try await sendReadingXML(call)
        guard reply.name == "CopyPartResult", let etag = reply["ETag"] else {
            throw S3Error(
                code: S3Error.Code(rawValue: reply["Code"] ?? S3Error.Code.unexpectedReply.rawValue),
                message: reply["Message"] ?? "no ETag in the part copy's reply",
                operation: call.operation, bucket: bucket, key: key)
        }
        return UploadedPart(number: number, etag: etag.withoutQuotes)
    }

    /// Joins the parts into the object. The store may answer 200 and then report a failure
    /// in the body (it sends the status before the work is done), so the body is checked.
    ///
    /// Sent again when the store was busy or the connection broke with no reply. Only this
    /// process knows `uploadID`, so `NoSuchUpload` on a later try means an earlier one joined
    /// the parts after all: the object is then looked up (its multipart ETag ends in the
    /// number of parts) instead of being reported as a failure.
    @discardableResult
    public func completeMultipartUpload(
        uploadID: String, parts: [UploadedPart], bucket: String, key: String
    ) async throws -> String {
        var xml = "<CompleteMultipartUpload>"
        for part in parts.sorted(by: { $0.number < $1.number }) {
            xml += "<Part><PartNumber>\(part.number)</PartNumber><ETag>\"\(part.etag.xmlEscaped)\"</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        var call = Call(
            method: .POST, operation: "complete multipart upload", bucket: bucket, key: key,
            query: [("uploadId", uploadID)], headers: [("content-type", "application/xml")],
            body: ByteBuffer(string: xml), timeout: .minutes(30))
        call.repeatable = true
        var attempt = 0
        do {
            return try await retrying(call) {
                attempt += 1
                let reply = try XMLReader.parse(try await collect(try await sendOnce(call), for: call))
                if reply.name == "Error" {
                    throw S3Error(
                        code: S3Error.Code(rawValue: reply["Code"] ?? "InternalError"), message: reply["Message"] ?? "",
                        operation: call.operation, bucket: bucket, key: key, requestID: reply["RequestId"])
                }
                return reply["ETag"]?.withoutQuotes ?? ""
            }
        } catch let error as S3Error where error.code == .noSuchUpload && attempt > 1 {
            guard let joined = try? await head(bucket: bucket, key: key), joined.etag.hasSuffix("-\(parts.count)") else {
                throw error
            }
            return joined.etag
        }
    }

    /// Discards an unfinished upload and the parts stored for it.
    public func abortMultipartUpload(uploadID: String, bucket: String, key: String) async throws {
        let call = Call(
            method: .DELETE, operation: "abort multipart upload", bucket: bucket, key: key,
            query: [("uploadId", uploadID)])
        _ = try await exchange(call)
    }

    /// Every unfinished multipart upload under `prefix`, all pages.
    public func unfinishedUploads(bucket: String, prefix: String = "") async throws -> [UnfinishedUpload] {
        var uploads: [UnfinishedUpload] = []
        var keyMarker: String?
        var uploadIDMarker: String?
        repeat {
            var call = Call(method: .GET, operation: "list multipart uploads", bucket: bucket, query: [("uploads", "")])
            if !prefix.isEmpty { call.query.append(("prefix", prefix)) }
            if let keyMarker { call.query.append(("key-marker", keyMarker)) }
            if let uploadIDMarker { call.query.append(("upload-id-marker", uploadIDMarker)) }
            let reply = try await sendReadingXML(call)
            guard reply.name == "ListMultipartUploadsResult" else {
                throw unexpected(call, "a <\(reply.name)> reply where <ListMultipartUploadsResult> belongs")
            }
            for upload in reply.children("Upload") {
                guard let key = upload["Key"], let uploadID = upload["UploadId"] else { continue }
                uploads.append(UnfinishedUpload(
                    key: key, uploadID: uploadID, initiated: upload["Initiated"].flatMap(S3Dates.iso8601)))
            }
            if reply["IsTruncated"] == "true" {
                keyMarker = reply["NextKeyMarker"]
                uploadIDMarker = reply["NextUploadIdMarker"]
                if keyMarker == nil { break }
            } else {
                keyMarker = nil
            }
        } while keyMarker != nil
        return uploads
    }

    /// CopyObject stops at 5 GiB; beyond that the copy is assembled from ranged part copies.
    func multipartCopy(
        bucket: String, from sourceKey: String, sourceBucket: String, size: Int64, to destinationKey: String
    ) async throws -> String {
        let partSize = Int64(max(configuration.partSize, Self.partSizeFitting(size: size, preferred: 1 << 30)))
        let uploadID = try await startMultipartUpload(bucket: bucket, key: destinationKey)
        do {
            var parts: [UploadedPart] = []
            var offset: Int64 = 0
            while offset < size {
                let count = min(partSize, size - offset)
                parts.append(try await uploadPartCopy(
                    from: sourceKey, sourceBucket: sourceBucket, range: ByteRange(offset: offset, count: count),
                    number: parts.count + 1, uploadID: uploadID, bucket: bucket, key: destinationKey))
                offset += count
            }
            return try await completeMultipartUpload(uploadID: uploadID, parts: parts, bucket: bucket, key: destinationKey)
        } catch {
            try? await abortMultipartUpload(uploadID: uploadID, bucket: bucket, key: destinationKey)
            throw error
        }
    }

    /// The part size to use for `size` bytes: `preferred`, or larger when 10,000 parts of
    /// `preferred` would not hold it (a 200 GiB file needs parts over 16 MiB).
    static func partSizeFitting(size: Int64, preferred: Int) -> Int {
        let needed = (size + Int64(S3Configuration.maximumParts) - 1) / Int64(S3Configuration.maximumParts)
        let oneMiB: Int64 = 1 << 20
        let roundedUp = (needed + oneMiB - 1) / oneMiB * oneMiB
        return Int(max(Int64(preferred), roundedUp))
    }
}
