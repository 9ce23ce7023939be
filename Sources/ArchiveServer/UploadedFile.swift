import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOPosix

/// One uploaded file, streamed to a private temporary folder as it arrives (never held in
/// memory). The caller removes it with `discard()` on every path, a dropped connection included.
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
    static func receive(_ request: Request, field: String, maxBytes: Int64) async throws -> UploadedFile {
        let contentType = request.headers[.contentType] ?? ""
        let declaredLength = request.headers[.contentLength].flatMap { Int64($0) }
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = HeaderParameters(contentType).value(for: "boundary"), !boundary.isEmpty else {
                throw ServerError.badRequest("the multipart upload has no boundary; send the form as multipart/form-data")
            }
            // Multipart framing adds at most a few hundred bytes; refuse plainly oversized bodies at once.
            if let declaredLength, declaredLength > maxBytes + 64 * 1024 { throw ServerError.tooLarge(limit: maxBytes) }
            return try await receiveMultipart(request.body, boundary: boundary, field: field, maxBytes: maxBytes)
        }
        if contentType.lowercased().hasPrefix("application/octet-stream") {
            guard let header = request.headers[HTTPField.Name("X-File-Name")!], !header.isEmpty else {
                throw ServerError.badRequest("a raw upload needs the file's name in the X-File-Name header")
            }
            if let declaredLength, declaredLength > maxBytes { throw ServerError.tooLarge(limit: maxBytes) }
            let name = header.removingPercentEncoding ?? header
            let sink = try FileSink(originalName: name, maxBytes: maxBytes)
            do {
                for try await chunk in request.body { try await sink.append(chunk) }
                // A sender that went away mid-upload can end the body early; never check half a file.
                if let declaredLength, sink.bytesWritten != declaredLength {
                    throw ServerError.badRequest("the upload stopped before the whole file arrived; send it again")
                }
                return try await sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
        }
        throw ServerError.badRequest("send the file as multipart/form-data with the field \"\(field)\" (or as application/octet-stream with an X-File-Name header)")
    }

    private static func receiveMultipart(_ body: RequestBody, boundary: String, field: String, maxBytes: Int64) async throws -> UploadedFile {
        let parser = MultipartParser(boundary: boundary)
        let parts = PartTracker(field: field)
        parser.onHeader = { name, value in parts.header(name: name, value: value) }
        parser.onBody = { buffer in parts.body(&buffer) }
        parser.onPartComplete = { parts.complete() }

        var sink: FileSink?
        do {
            for try await chunk in body {
                do { try parser.execute(chunk) } catch {
                    throw ServerError.badRequest("the multipart upload is malformed")
                }
                if sink == nil, let name = parts.fileName {
                    sink = try FileSink(originalName: name, maxBytes: maxBytes)
                }
                for piece in parts.takeFileBytes() { try await sink?.append(piece) }
                if parts.fileComplete { break }
            }
            guard let sink, parts.fileComplete else {
                sink?.abandon()
                throw ServerError.badRequest("the upload has no complete file in the form field \"\(field)\"")
            }
            return try await sink.finish()
        } catch {
            sink?.abandon()
            throw error
        }
    }
}

/// Follows the multipart parser's callbacks, keeping the bytes of the wanted file part until
/// they are written. Confined to the one request task that owns the parser.
private final class PartTracker {
    let field: String
    private var headers: [(String, String)] = []
    private var isWanted: Bool?
    private(set) var fileName: String?
    private(set) var fileComplete = false
    private var pending: [ByteBuffer] = []

    init(field: String) { self.field = field }

    func header(name: String, value: String) { headers.append((name, value)) }

    func body(_ buffer: inout ByteBuffer) {
        if isWanted == nil { decide() }
        if isWanted == true, !fileComplete { pending.append(buffer) }
    }

    func complete() {
        if isWanted == nil { decide() }
        if isWanted == true, !fileComplete { fileComplete = true }
        headers = []
        isWanted = nil
    }

    func takeFileBytes() -> [ByteBuffer] {
        defer { pending = [] }
        return pending
    }

    /// A part is the file when its Content-Disposition names the field; only the first counts.
    private func decide() {
        guard fileName == nil, !fileComplete,
              let disposition = headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1 else {
            isWanted = false
            return
        }
        let parameters = HeaderParameters(disposition)
        guard parameters.value(for: "name") == field else {
            isWanted = false
            return
        }
        isWanted = true
        fileName = parameters.value(for: "filename*").flatMap(Self.decodeExtended) ?? parameters.value(for: "filename") ?? "upload"
    }

    /// RFC 5987: `UTF-8''%E8%A7%86%E9%A2%91.mp4`.
    private static func decodeExtended(_ value: String) -> String? {
        guard let range = value.range(of: "''") else { return nil }
        return String(value[range.upperBound...]).removingPercentEncoding
    }
}

/// Writes the upload to `<tmp>/media-archive-upload-<uuid>/upload.<ext>`, off the event loop,
/// in blocks of about 1 MiB, stopping at the policy's size limit.
private final class FileSink {
    let originalName: String
    let folder: URL
    let path: String
    let maxBytes: Int64
    private let handle: FileHandle
    private var buffered = ByteBuffer()
    private var written: Int64 = 0
    var bytesWritten: Int64 { written }
    private static let blockSize = 1 << 20

    init(originalName: String, maxBytes: Int64) throws {
        self.originalName = Self.lastComponent(originalName)
        self.maxBytes = maxBytes
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("media-archive-upload-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        // The checker reads the extension (e.g. a .txt document), so keep a safe one.
        let ext = (self.originalName as NSString).pathExtension
        let safeExt = ext.count <= 10 && ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? ext : ""
        path = folder.appendingPathComponent(safeExt.isEmpty ? "upload" : "upload.\(safeExt)").path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            try? FileManager.default.removeItem(at: folder)
            throw ServerError(status: .internalServerError, message: "the server could not make a temporary file for the upload")
        }
        self.handle = handle
    }

    func append(_ chunk: ByteBuffer) async throws {
        written += Int64(chunk.readableBytes)
        if written > maxBytes { throw ServerError.tooLarge(limit: maxBytes) }
        var chunk = chunk
        buffered.writeBuffer(&chunk)
        if buffered.readableBytes >= Self.blockSize { try await flush() }
    }

    func finish() async throws -> UploadedFile {
        try await flush()
        try handle.close()
        return UploadedFile(originalName: originalName, path: path, folder: folder, bytes: written)
    }

    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: folder)
    }

    private func flush() async throws {
        guard buffered.readableBytes > 0 else { return }
        let data = Data(buffered.readableBytesView)
        buffered.clear()
        let handle = self.handle
        try await NIOThreadPool.singleton.runIfActive { try handle.write(contentsOf: data) }
    }

    /// Browsers on Windows once sent whole paths; only the name is wanted, never a folder.
    private static func lastComponent(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.isEmpty || last == "." || last == ".." ? "upload" : last
    }
}

/// `type; key=value; key="quoted value"` header parameters, keys compared case-insensitively.
struct HeaderParameters {
    private var values: [String: String] = [:]

    init(_ header: String) {
        var key = "", value = "", inKey = true, quoted = false, escaped = false
        func commit() {
            let name = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !inKey, !name.isEmpty, values[name] == nil { values[name] = value.trimmingCharacters(in: quoted ? [] : .whitespaces) }
            key = ""; value = ""; inKey = true; quoted = false
        }
        for character in header {
            if inKey {
                if character == ";" { key = "" } else if character == "=" { inKey = false } else { key.append(character) }
            } else if escaped {
                value.append(character); escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                if !quoted { /* closing quote: keep the rest until ';' out */ }
            } else if character == ";" && !quoted {
                commit()
            } else {
                value.append(character)
            }
        }
        commit()
    }

    func value(for key: String) -> String? { values[key.lowercased()] }
}
