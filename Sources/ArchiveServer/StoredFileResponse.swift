import Foundation
import Hummingbird
import MediaArchive
import NIOCore

/// A stored object as a response: whole, or the one byte range asked for (206, or 416 when no
/// byte of it exists), streamed in chunks — never read into memory whole. From the archive
/// folder Hummingbird's `FileIO` reads the file; from another store (S3) the bytes come as
/// ranged reads of `chunkSize`, each sent before the next is asked for. Hummingbird's
/// `FileMiddleware` does ranges too, but serves a folder by URL path and reads `bytes=-n` as
/// the first n bytes; here the key comes from the catalogue and the range follows RFC 9110.
struct StoredFileResponse: Sendable {
    let store: any ObjectStore
    let fileIO = FileIO(threadPool: .singleton)
    /// Bytes per ranged read from a remote store: few requests, bounded memory per download.
    var chunkSize: Int64 = 4 << 20

    /// `headers` (type, disposition, caching) are sent with every answer. A strong `etag` lets
    /// `If-Range` ask for a part only of this very content. A HEAD gets the same status and
    /// headers, and the object is never read (its size comes from its metadata).
    func response(key: String, etag: String?, headers: HTTPFields, request: Request, context: some RequestContext) async throws -> Response {
        let source = try await BlockingWork.run(failing: "the stored file cannot be read") { [store] in
            try Source(key: key, in: store)
        }
        guard let source else {
            throw ServerError(status: .notFound, message: "the stored file is missing from the archive; `media-archive verify` reports it")
        }
        let sendsBody = request.method != .head
        let size = source.size
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
            let body = try await sendsBody ? self.body(source, bytes: size > 0 ? 0...(size - 1) : nil, context: context) : ResponseBody()
            return Response(status: .ok, headers: headers, body: body)
        case .part(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            headers[.contentLength] = "\(bytes.count)"
            let body = try await sendsBody ? self.body(source, bytes: bytes, context: context) : ResponseBody()
            return Response(status: .partialContent, headers: headers, body: body)
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            headers[.contentLength] = "0"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
    }

    /// Where the bytes are read from, and how many there are.
    private enum Source {
        case file(path: String, size: Int64)
        case remote(key: String, size: Int64)

        var size: Int64 {
            switch self { case .file(_, let size), .remote(_, let size): size }
        }

        /// nil when the store has no such object.
        init?(key: String, in store: any ObjectStore) throws {
            if store is FolderObjectStore {
                let path = try store.localFile(key: key, scratch: FileManager.default.temporaryDirectory).url.path
                guard let size = Self.fileSize(at: path) else { return nil }
                self = .file(path: path, size: size)
            } else {
                guard let size = try store.size(key: key) else { return nil }
                self = .remote(key: key, size: size)
            }
        }

        private static func fileSize(at path: String) -> Int64? {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? NSNumber else { return nil }
            return size.int64Value
        }
    }

    /// `bytes` of the object (nil: an empty object).
    private func body(_ source: Source, bytes: ClosedRange<Int64>?, context: some RequestContext) async throws -> ResponseBody {
        guard let bytes else { return ResponseBody() }
        switch source {
        case .file(let path, let size):
            if bytes.count == size { return try await fileIO.loadFile(path: path, context: context) }
            return try await fileIO.loadFile(path: path, range: Int(bytes.lowerBound)...Int(bytes.upperBound), context: context)
        case .remote(let key, _):
            let (store, chunkSize) = (store, chunkSize)
            return ResponseBody(contentLength: bytes.count) { writer in
                var next = bytes.lowerBound
                while next <= bytes.upperBound {
                    let piece = next...min(next + chunkSize - 1, bytes.upperBound)
                    let data = try await BlockingWork.run(failing: "the stored file cannot be read") { try store.read(key: key, range: piece) }
                    try await writer.write(ByteBuffer(bytes: data))
                    next = piece.upperBound + 1
                }
                try await writer.finish(nil)
            }
        }
    }
}
