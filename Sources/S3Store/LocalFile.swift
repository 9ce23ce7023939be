#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// One open file on this machine, read or written at explicit offsets on NIO's blocking
/// thread pool so a slow disk never stalls the tasks that drive the network.
///
/// `@unchecked Sendable`: the descriptor never changes after init, and `pread`/`pwrite` at
/// explicit offsets are safe from several threads at once; it is closed only in `deinit`.
final class LocalFile: @unchecked Sendable {
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    static func openForReading(_ path: String) throws -> LocalFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", path) }
        return LocalFile(path: path, descriptor: descriptor)
    }

    /// Creates or truncates the file.
    static func openForWriting(_ path: String) throws -> LocalFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("create", path) }
        return LocalFile(path: path, descriptor: descriptor)
    }

    func size() throws -> Int64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.failure("stat", path) }
        return Int64(status.st_size)
    }

    /// Exactly `count` bytes from `offset`; fewer means the file shrank while being read,
    /// which is an error, not an end (the upload would otherwise store a cut-off video).
    func read(at offset: Int64, count: Int) async throws -> ByteBuffer {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            var total = 0
            while total < count {
                let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count - total) { pointer in
                    pread(descriptor, pointer.baseAddress, count - total, off_t(offset) + off_t(total))
                }
                if got < 0 && errno == EINTR { continue }
                guard got >= 0 else { throw Self.failure("read", path) }
                guard got > 0 else {
                    throw S3Error(
                        code: .localFile,
                        message: "\(path) ended at byte \(offset + Int64(total)) while \(offset + Int64(count)) were expected: it changed while being uploaded",
                        operation: "read")
                }
                total += got
            }
            return buffer
        }
    }

    func write(_ buffer: ByteBuffer, at offset: Int64) async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            var written = 0
            let count = buffer.readableBytes
            while written < count {
                let done = buffer.withUnsafeReadableBytes { pointer in
                    pwrite(descriptor, pointer.baseAddress! + written, count - written, off_t(offset) + off_t(written))
                }
                if done < 0 && errno == EINTR { continue }
                guard done > 0 else { throw Self.failure("write", path) }
                written += done
            }
        }
    }

    /// Makes the written bytes durable before the file is renamed into place.
    func synchronize() async throws {
        try await NIOThreadPool.singleton.runIfActive { [self] in
            guard fsync(descriptor) == 0 else { throw Self.failure("sync", path) }
        }
    }

    private static func failure(_ operation: String, _ path: String) -> S3Error {
        S3Error(code: .localFile, message: "cannot \(operation) \(path): \(String(cString: strerror(errno)))", operation: operation)
    }
}
