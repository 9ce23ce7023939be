import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Messages between the server and a worker: a 4-byte big-endian length, then that many bytes
/// of JSON. A length above `maximumBytes` is garbage, never a reason to allocate it.
enum FrameIO {
    static let maximumBytes = 64 << 20

    enum Failure: Error, Equatable {
        /// The other end closed the pipe (for the server: the worker died).
        case endOfFile
        case timedOut
        case tooLarge(Int)
        case system(errno: Int32)
    }

    static func frame(_ payload: Data) -> Data {
        var length = UInt32(payload.count).bigEndian
        var framed = Data(bytes: &length, count: 4)
        framed.append(payload)
        return framed
    }

    /// Writes all of `data`; EINTR is retried, EPIPE (the reader is gone) is `.endOfFile`.
    static func write(_ data: Data, to descriptor: Int32) throws(Failure) {
        var failure: Failure?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else {
                    failure = errno == EPIPE ? .endOfFile : .system(errno: errno)
                    return
                }
            }
        }
        if let failure { throw failure }
    }

    /// One frame's payload. `deadline` nil waits as long as it takes (the worker waiting for work).
    static func read(from descriptor: Int32, deadline: ContinuousClock.Instant?) throws(Failure) -> Data {
        let header = try readExactly(4, from: descriptor, deadline: deadline)
        let length = header.reduce(0) { ($0 << 8) | Int($1) }
        guard length <= maximumBytes else { throw .tooLarge(length) }
        return try readExactly(length, from: descriptor, deadline: deadline)
    }

    private static func readExactly(_ count: Int, from descriptor: Int32, deadline: ContinuousClock.Instant?) throws(Failure) -> Data {
        var data = Data(count: count)
        var filled = 0
        while filled < count {
            if let deadline { try waitReadable(descriptor, until: deadline) }
            let got = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got > 0 {
                filled += got
            } else if got == 0 {
                throw .endOfFile
            } else if errno != EINTR {
                throw .system(errno: errno)
            }
        }
        return data
    }

    private static func waitReadable(_ descriptor: Int32, until deadline: ContinuousClock.Instant) throws(Failure) {
        while true {
            let left = deadline - .now
            guard left > .zero else { throw .timedOut }
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, milliseconds)
            if ready > 0 { return }  // readable, or hung up: read() tells which
            if ready < 0, errno != EINTR { throw .system(errno: errno) }
        }
    }
}
