import Foundation
import Hummingbird

/// A stored file as a response: whole, or the one byte range asked for (206, or 416 when no
/// byte of it exists), streamed from disk in chunks by Hummingbird's `FileIO` — never read
/// into memory whole. Hummingbird's `FileMiddleware` does ranges too, but serves a folder by
/// URL path and reads `bytes=-n` as the first n bytes; here the path comes from the
/// catalogue and the range follows RFC 9110.
struct StoredFileResponse: Sendable {
    let fileIO = FileIO(threadPool: .singleton)

    /// `headers` (type, disposition, caching) are sent with every answer. A strong `etag` lets
    /// `If-Range` ask for a part only of this very content. A HEAD gets the same status and
    /// headers, and the file is never opened (its size comes from its metadata).
    func response(file: URL, etag: String?, headers: HTTPFields, request: Request, context: some RequestContext) async throws -> Response {
        let path = file.path
        let sendsBody = request.method != .head
        guard let size = try await BlockingWork.run(failing: "the stored file cannot be read", { Self.size(at: path) }) else {
            throw ServerError(status: .notFound, message: "the stored file is missing from the archive; `media-archive verify` reports it")
        }
        var headers = headers
        headers[.acceptRanges] = "bytes"
        headers[.xContentTypeOptions] = "nosniff"
        if let etag { headers[.eTag] = etag }

        var range = ByteRange(header: request.headers[.range], size: size)
        if let ifRange = request.headers[.ifRange], ifRange != etag {
            range = .whole // the client's copy is of other content: it gets this one whole
        }
        switch range {
        case .whole:
            headers[.contentLength] = "\(size)"
            let body = try await sendsBody ? fileIO.loadFile(path: path, context: context) : ResponseBody()
            return Response(status: .ok, headers: headers, body: body)
        case .part(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            headers[.contentLength] = "\(bytes.count)"
            let body = try await sendsBody
                ? fileIO.loadFile(path: path, range: Int(bytes.lowerBound)...Int(bytes.upperBound), context: context) : ResponseBody()
            return Response(status: .partialContent, headers: headers, body: body)
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            headers[.contentLength] = "0"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }

    private static func size(at path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber else { return nil }
        return size.int64Value
    }
}
