import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a file through read → hash → (write) on separate threads, over a small ring of
/// buffers. SHA-256 cannot be split across cores, so it sets the pace; reading and writing run
/// beside it on the other core instead of taking turns with it. Memory stays at
/// `slotCount × chunkBytes` whatever the size of the file.
///
/// Each chunk goes through the stages in order: the reader fills a free slot, the calling
/// thread hashes it, the writer (if any) writes it and frees the slot. The semaphores hand a slot
/// from one stage to the next, so a slot is touched by one thread at a time; that is what makes
/// the `@unchecked Sendable` below safe.
final class ChunkPipeline: @unchecked Sendable {
    static let chunkBytes = 1 << 20
    static let slotCount = 8

    /// A failure of one stage, saying which side failed: a source that cannot be read is one
    /// bad file, a destination that cannot be written stops the caller.
    struct StreamError: LocalizedError, CustomStringConvertible {
        enum Side { case source, destination }
        var side: Side
        var underlying: any Error
        var description: String { (underlying as NSError).localizedDescription }
        var errorDescription: String? { description }
    }

    /// The write stage: `write` gets every chunk in order; every `writebackBytes`,
    /// `written(from, count)` names the bytes written since the last call, so their writeback
    /// can start early.
    struct Sink {
        var write: (UnsafeRawBufferPointer) throws -> Void
        var written: (_ from: Int64, _ count: Int64) -> Void = { _, _ in }
    }

    private let slots: [UnsafeMutableRawBufferPointer]
    /// Bytes in each slot; 0 ends the stream, -1 marks a read failure.
    private let counts: UnsafeMutableBufferPointer<Int>
    /// Starts at 0 and is signalled once per slot: libdispatch refuses to free a semaphore whose
    /// count ends below the value it was made with, and this one ends with slots in use.
    private let free = DispatchSemaphore(value: 0)
    private let readyToConsume = DispatchSemaphore(value: 0)
    private let readyToWrite = DispatchSemaphore(value: 0)
    private let stages = DispatchGroup()
    private let stopped = Atomic<Bool>(false)
    private let readFailure = Mutex<(any Error)?>(nil)
    private let writeFailure = Mutex<(any Error)?>(nil)

    private init() {
        slots = (0..<Self.slotCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkBytes, alignment: 4096)
        }
        counts = .allocate(capacity: Self.slotCount)
        counts.initialize(repeating: 0)
        for _ in 0..<Self.slotCount { free.signal() }
    }

    deinit {
        slots.forEach { $0.deallocate() }
        counts.deallocate()
    }

    /// Reads `input` to its end, calling `consume` with each chunk on the calling thread, and
    /// handing each chunk afterwards to `sink` on a writer thread. Returns the number of bytes.
    static func run(input: Int32, sourcePath: String, sink: Sink? = nil,
                    consume: (UnsafeRawBufferPointer) -> Void) throws -> Int64 {
        var info = stat()
        if fstat(input, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < chunkBytes {
            return try runInline(input: input, sourcePath: sourcePath, sink: sink, consume: consume)
        }
        let pipeline = ChunkPipeline()
        return try pipeline.run(input: input, sourcePath: sourcePath, sink: sink, consume: consume)
    }

    private func run(input: Int32, sourcePath: String, sink: Sink?,
                     consume: (UnsafeRawBufferPointer) -> Void) throws -> Int64 {
        #if os(Linux)
        posix_fadvise(input, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        // Queues made with a label get a thread of their own, so blocking on the semaphores
        // never starves the shared pool that batches run on.
        DispatchQueue(label: "media-archive.read").async(group: stages) {
            self.readAll(input, path: sourcePath)
        }
        if let sink {
            nonisolated(unsafe) let sink = sink
            DispatchQueue(label: "media-archive.write").async(group: stages) {
                self.writeAll(sink)
            }
        }

        var total: Int64 = 0
        var index = 0
        while true {
            readyToConsume.wait()
            let slot = index % Self.slotCount
            let count = counts[slot]
            if count > 0 && !stopped.load(ordering: .relaxed) {
                consume(UnsafeRawBufferPointer(rebasing: slots[slot][0..<count]))
                total += Int64(count)
            }
            if sink == nil { free.signal() } else { readyToWrite.signal() }
            if count <= 0 { break }
            index += 1
        }
        stages.wait()

        if let failure = writeFailure.withLock({ $0 }) { throw StreamError(side: .destination, underlying: failure) }
        if let failure = readFailure.withLock({ $0 }) { throw StreamError(side: .source, underlying: failure) }
        return total
    }

    /// The reader: fills free slots in order, each to the full chunk (see `fill`); ends the
    /// stream with a 0, or -1 on a failure.
    private func readAll(_ input: Int32, path: String) {
        var index = 0
        while true {
            free.wait()
            let slot = index % Self.slotCount
            var count = 0
            if !stopped.load(ordering: .relaxed) {
                do {
                    count = try Self.fill(slots[slot], from: input, path: path)
                } catch {
                    readFailure.withLock { $0 = error }
                    count = -1
                }
            }
            counts[slot] = count
            readyToConsume.signal()
            if count <= 0 { return }
            index += 1
        }
    }

    /// Reads until `buffer` is full or the file ends; a short read is read on, so every chunk
    /// but the last is whole, as direct writes need.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from input: Int32, path: String) throws -> Int {
        var count = 0
        while count < buffer.count {
            let got = read(input, buffer.baseAddress! + count, buffer.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.posixError("cannot read \(path)")
            }
            if got == 0 { break }
            count += got
        }
        return count
    }

    /// A file that fits in one chunk (most photos) is read, hashed and written on this thread:
    /// starting two threads and a ring of buffers would cost more than it saves.
    private static func runInline(input: Int32, sourcePath: String, sink: Sink?,
                                  consume: (UnsafeRawBufferPointer) -> Void) throws -> Int64 {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 4096)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true { // once, unless the file has grown past one chunk since it was measured
            let count: Int
            do { count = try fill(buffer, from: input, path: sourcePath) } catch {
                throw StreamError(side: .source, underlying: error)
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if count > 0 {
                consume(chunk)
                do { try sink?.write(chunk) } catch { throw StreamError(side: .destination, underlying: error) }
                total += Int64(count)
            }
            if count < chunkBytes { return total }
        }
    }

    /// The writer: writes each hashed chunk in order and frees its slot. After a failed write it
    /// stops the reader and only frees slots, so no stage waits forever.
    private func writeAll(_ sink: Sink) {
        var index = 0
        var written: Int64 = 0
        var reported: Int64 = 0
        while true {
            readyToWrite.wait()
            let slot = index % Self.slotCount
            let count = counts[slot]
            if count <= 0 { return }
            if !stopped.load(ordering: .relaxed) {
                do {
                    try sink.write(UnsafeRawBufferPointer(rebasing: slots[slot][0..<count]))
                    written += Int64(count)
                    if written - reported >= Self.writebackBytes {
                        sink.written(reported, written - reported)
                        reported = written
                    }
                } catch {
                    writeFailure.withLock { $0 = error }
                    stopped.store(true, ordering: .relaxed)
                }
            }
            free.signal()
            index += 1
        }
    }

    /// How often the writer offers its progress for early writeback.
    static let writebackBytes: Int64 = 32 << 20
}
