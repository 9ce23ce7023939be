import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a file while computing the SHA-256 of its bytes, in one streaming pass: a large video
/// is read once, in fixed-size chunks, never held in memory.
enum HashingCopy {
    struct Copied {
        /// The durable copy (fsynced), in the staging folder.
        var temporary: URL
        var sha256: String
        var bytes: Int64
    }

    static let chunkBytes = 4 << 20

    static func copy(_ source: String, into folder: URL) throws -> Copied {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw AtomicFile.posixError("cannot open \(source)") }
        defer { close(input) }
        let temporary = folder.appendingPathComponent("\(UUID().uuidString).part")
        let output = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw AtomicFile.posixError("cannot create \(temporary.path)") }
        var finished = false
        defer {
            close(output)
            if !finished { unlink(temporary.path) }
        }

        let (sha256, total) = try hashAndCopy(from: input, sourcePath: source, to: output, destinationPath: temporary.path)
        guard fsync(output) == 0 else { throw AtomicFile.posixError("cannot save \(temporary.path)") }
        finished = true
        return Copied(temporary: temporary, sha256: sha256, bytes: total)
    }

    /// A failure of `hashAndCopy`, saying which side failed: a source that cannot be read is one
    /// bad file, a destination that cannot be written stops the caller.
    struct StreamError: LocalizedError, CustomStringConvertible {
        enum Side { case source, destination }
        var side: Side
        var underlying: any Error
        var description: String { (underlying as NSError).localizedDescription }
        var errorDescription: String? { description }
    }

    /// Copies `input` to `output` in chunks while hashing them: two buffers, so that while one
    /// chunk is written on a second thread the same chunk is hashed here and then the next is
    /// read into the other buffer — hashing and writing overlap. Does not fsync.
    static func hashAndCopy(from input: Int32, sourcePath: String, to output: Int32,
                            destinationPath: String) throws -> (sha256: String, bytes: Int64) {
        var hasher = SHA256()
        var total: Int64 = 0
        let buffers = (0..<2).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 4096) }
        let writer = BackgroundWriter(descriptor: output, path: destinationPath)
        defer {
            try? writer.wait()
            buffers.forEach { $0.deallocate() }
        }
        func waitForWriter() throws {
            do { try writer.wait() } catch { throw StreamError(side: .destination, underlying: error) }
        }
        #if os(Linux)
        posix_fadvise(input, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        var index = 0
        while true {
            let buffer = buffers[index % 2]
            let count = read(input, buffer.baseAddress, chunkBytes)
            if count < 0 {
                if errno == EINTR { continue }
                throw StreamError(side: .source, underlying: AtomicFile.posixError("cannot read \(sourcePath)"))
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            try waitForWriter() // the previous chunk is written, in order
            writer.write(chunk)
            hasher.update(bufferPointer: chunk)
            total += Int64(count)
            index += 1
        }
        try waitForWriter()
        return (hex(hasher.finalize()), total)
    }

    /// SHA-256 of a file's bytes, streamed (for `verify`).
    static func sha256(of path: String) throws -> String {
        try hashFile(path, makeDurable: false).sha256
    }

    /// For a file already written into staging (an upload): hashes it where it lies and makes it
    /// durable, so it can be renamed into `objects/` like a finished copy — one read, no second copy.
    static func hashInPlace(_ path: String) throws -> Copied {
        let hashed = try hashFile(path, makeDurable: true)
        return Copied(temporary: URL(fileURLWithPath: path), sha256: hashed.sha256, bytes: hashed.bytes)
    }

    private static func hashFile(_ path: String, makeDurable: Bool) throws -> (sha256: String, bytes: Int64) {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw AtomicFile.posixError("cannot open \(path)") }
        defer { close(input) }
        var hasher = SHA256()
        var total: Int64 = 0
        try forEachChunk(of: input, path: path) {
            hasher.update(bufferPointer: $0)
            total += Int64($0.count)
        }
        // fsync through a read-only descriptor still flushes the file's data on Linux and macOS.
        guard !makeDurable || fsync(input) == 0 else { throw AtomicFile.posixError("cannot save \(path)") }
        return (hex(hasher.finalize()), total)
    }

    /// Reads a file front to back in fixed-size chunks, so memory stays flat whatever its size.
    private static func forEachChunk(of descriptor: Int32, path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        #if os(Linux)
        posix_fadvise(descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 4096)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkBytes)
            if count < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.posixError("cannot read \(path)")
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    fileprivate static func writeAll(_ descriptor: Int32, _ chunk: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < chunk.count {
            let written = write(descriptor, chunk.baseAddress! + offset, chunk.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.posixError("cannot write \(path)")
            }
            offset += written
        }
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Writes one chunk at a time on its own thread.
///
/// `@unchecked Sendable` is safe because of how `HashingCopy.copy` uses it: a chunk handed to
/// `write` is not touched again (its buffer is not refilled) until `wait()` has returned, at most
/// one write is in flight, and `failure` is only read after `wait()`.
private final class BackgroundWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String
    private let queue = DispatchQueue(label: "media-archive.hashing-copy")
    private let group = DispatchGroup()
    private var failure: (any Error)?

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    func write(_ chunk: UnsafeRawBufferPointer) {
        nonisolated(unsafe) let chunk = chunk
        queue.async(group: group) {
            do {
                try HashingCopy.writeAll(self.descriptor, chunk, path: self.path)
            } catch {
                self.failure = error
            }
        }
    }

    /// Waits for the chunk in flight; rethrows its write error, if any.
    func wait() throws {
        group.wait()
        if let failure { throw failure }
    }
}
