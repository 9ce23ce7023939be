import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit

/// One uploaded file, streamed to disk as it arrives (never held in memory): to a private
/// temporary folder for the self-check, into the county's staging folder for ingest. The caller
/// removes it with `discard()` on every path, a dropped connection included.
struct UploadedFile: Sendable {
    /// The name the sender's computer gave the file (last path component only).
    var originalName: String
    /// Where the bytes are on this server.
    var path: String
    var folder: URL
    var bytes: Int64

    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Reads a `multipart/form-data` body (the first part named `field`) or a raw
    /// `application/octet-stream` body named by the `X-File-Name` header.
    static func receive(_ request: Request, field: String, maxBytes: Int64,
                        into parent: URL = FileManager.default.temporaryDirectory) async throws -> UploadedFile {
        let received = try await receive(request, field: field, maxBytes: maxBytes, into: parent, onlyFirst: true)
        guard case .file(let upload) = received.first else {
            // Unreachable: with onlyFirst, a file over the limit is thrown as a 413.
            throw ServerError.tooLarge(limit: maxBytes)
        }
        return upload
    }

    /// Every part named `field` of a `multipart/form-data` body, in order (or the one file of a raw
    /// body). A file over `maxBytes` is dropped as it arrives and reported as `.tooLarge`, so the
    /// files after it still arrive; a request whose only file is too large is a 413. Nothing is
    /// returned unless the whole body arrived: a sender that went away leaves nothing on disk.
    static func receiveAll(_ request: Request, field: String, maxBytes: Int64, into parent: URL) async throws -> [ReceivedUpload] {
        let received = try await receive(request, field: field, maxBytes: maxBytes, into: parent, onlyFirst: false)
        if received.count == 1, case .tooLarge = received[0] { throw ServerError.tooLarge(limit: maxBytes) }
        return received
    }

    private static func receive(_ request: Request, field: String, maxBytes: Int64, into parent: URL,
                                onlyFirst: Bool) async throws -> [ReceivedUpload] {
        let contentType = request.headers[.contentType] ?? ""
        let declaredLength = request.headers[.contentLength].flatMap { Int64($0) }
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = HeaderParameters(contentType).value(for: "boundary"), !boundary.isEmpty else {
                throw ServerError.badRequest(.uploadHasNoBoundary)
            }
            // Multipart framing adds at most a few hundred bytes; refuse plainly oversized single
            // uploads at once. (Several files may together exceed the limit that each one keeps.)
            if onlyFirst, let declaredLength, declaredLength > maxBytes + 64 * 1024 { throw ServerError.tooLarge(limit: maxBytes) }
            let multipart = MultipartFiles(boundary: boundary, field: field, maxBytes: maxBytes, parent: parent, onlyFirst: onlyFirst)
            return try await multipart.receive(request.body)
        }
        if contentType.lowercased().hasPrefix("application/octet-stream") {
            guard let header = request.headers[HTTPField.Name("X-File-Name")!], !header.isEmpty else {
                throw ServerError.badRequest(.uploadNeedsFileName)
            }
            if let declaredLength, declaredLength > maxBytes { throw ServerError.tooLarge(limit: maxBytes) }
            let name = header.removingPercentEncoding ?? header
            let sink = try UploadFileSink(originalName: name, maxBytes: maxBytes, parent: parent)
            do {
                for try await chunk in request.body { try await sink.append(chunk) }
                // A sender that went away mid-upload can end the body early; never take half a file.
                if let declaredLength, sink.bytesWritten != declaredLength { throw ServerError.uploadCutShort }
                return [.file(try await sink.finish())]
            } catch {
                sink.abandon()
                throw error
            }
        }
        throw ServerError.badRequest(.uploadNotAForm(field: field))
    }
}

/// One file of a multi-file upload: on disk, or refused while it arrived for being too large.
enum ReceivedUpload: Sendable {
    case file(UploadedFile)
    case tooLarge(originalName: String)

    func discard() {
        if case .file(let upload) = self { upload.discard() }
    }
}
