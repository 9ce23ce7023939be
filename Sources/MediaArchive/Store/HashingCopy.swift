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
        var sha256: SHA256Hash
        var bytes: Int64
    }

    /// Copies `source` into `folder` under a new temporary name, hashing it on the way, and
    /// makes the copy durable. The copy is written straight to disk where possible
    /// (`DirectOutput`), else through the page cache with its writeback started as it goes.
    static func copy(_ source: String, into folder: URL) throws -> Copied {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw AtomicFile.posixError("cannot open \(source)") }
        defer { close(input) }
        let temporary = folder.appendingPathComponent("\(UUID().uuidString).part")
        guard let output = DirectOutput.create(temporary.path) else {
            throw AtomicFile.posixError("cannot create \(temporary.path)")
        }
        var finished = false
        defer { if !finished { unlink(temporary.path) } }

        // `output` closes its descriptor when it goes away: keep it until the fsync is done.
        return try withExtendedLifetime(output) {
            let (sha256, total) = try hashAndCopy(from: input, sourcePath: source, into: output)
            guard fsync(output.descriptor) == 0 else { throw AtomicFile.posixError("cannot save \(temporary.path)") }
            finished = true
            return Copied(temporary: temporary, sha256: sha256, bytes: total)
        }
    }

    typealias StreamError = ChunkPipeline.StreamError

    /// Copies `input` to `output` while hashing it, in one pass: read on one thread, hashed on
    /// this one, written on a third (see `ChunkPipeline`), with the writeback of what is written
    /// through the page cache started as it goes, so the caller's fsync has little left to do.
    /// Does not fsync.
    static func hashAndCopy(from input: Int32, sourcePath: String,
                            into output: DirectOutput) throws -> (sha256: SHA256Hash, bytes: Int64) {
        var hasher = SHA256()
        let sink = ChunkPipeline.Sink(write: output.write,
                                      written: { EarlyWriteback.start(output.descriptor, from: $0, count: $1) })
        let total = try ChunkPipeline.run(input: input, sourcePath: sourcePath, sink: sink) {
            hasher.update(bufferPointer: $0)
        }
        return (SHA256Hash(hasher.finalize()), total)
    }

    /// SHA-256 of a file's bytes, streamed (for `verify`).
    static func sha256(of path: String) throws -> SHA256Hash {
        try hashFile(path, makeDurable: false).sha256
    }

    /// For a file already written into staging (an upload): hashes it where it lies and makes it
    /// durable, so it can be renamed into `objects/` like a finished copy — one read, no second copy.
    static func hashInPlace(_ path: String) throws -> Copied {
        let hashed = try hashFile(path, makeDurable: true)
        return Copied(temporary: URL(fileURLWithPath: path), sha256: hashed.sha256, bytes: hashed.bytes)
    }

    private static func hashFile(_ path: String, makeDurable: Bool) throws -> (sha256: SHA256Hash, bytes: Int64) {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw AtomicFile.posixError("cannot open \(path)") }
        defer { close(input) }
        var hasher = SHA256()
        let total: Int64
        do {
            total = try ChunkPipeline.run(input: input, sourcePath: path) { hasher.update(bufferPointer: $0) }
        } catch let failure as StreamError {
            throw failure.underlying
        }
        // fsync through a read-only descriptor still flushes the file's data on Linux and macOS.
        guard !makeDurable || fsync(input) == 0 else { throw AtomicFile.posixError("cannot save \(path)") }
        return (SHA256Hash(hasher.finalize()), total)
    }
}
