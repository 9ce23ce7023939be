import Foundation
import Hummingbird
import NIOPosix

/// Writes one uploaded file to `<parent>/media-archive-upload-<uuid>.part/upload.<ext>`, off the
/// event loop, in blocks of about 1 MiB, stopping at the policy's size limit. The `.part` suffix is
/// what ingest's clean-up of abandoned staging copies looks for, should the server be killed.
/// Confined to the one request task that receives the upload.
final class UploadFileSink {
    let originalName: String
    let folder: URL
    let path: String
    let maxBytes: Int64
    private let handle: FileHandle
    private var buffered = ByteBuffer()
    private(set) var bytesWritten: Int64 = 0
    private static let blockSize = 1 << 20

    init(originalName: String, maxBytes: Int64, parent: URL) throws {
        self.originalName = Self.lastComponent(originalName)
        self.maxBytes = maxBytes
        folder = parent.appendingPathComponent("media-archive-upload-\(UUID().uuidString).part", isDirectory: true)
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
        bytesWritten += Int64(chunk.readableBytes)
        if bytesWritten > maxBytes { throw ServerError.tooLarge(limit: maxBytes) }
        var chunk = chunk
        buffered.writeBuffer(&chunk)
        if buffered.readableBytes >= Self.blockSize { try await flush() }
    }

    func finish() async throws -> UploadedFile {
        try await flush()
        try handle.close()
        return UploadedFile(originalName: originalName, path: path, folder: folder, bytes: bytesWritten)
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
