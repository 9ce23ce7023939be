import Crypto
import Foundation
import Testing
import TestSupport
@testable import MediaArchive
#if canImport(Glibc)
import Glibc
#endif

/// The one pass that stores every byte: the copy must be exact and its SHA-256 right for every
/// size, including the edges of the pipeline's chunks and of its ring of buffers, and a failing
/// side must end the copy with an error saying which side, never a hang.
struct HashingCopyTests {
    static let chunk = ChunkPipeline.chunkBytes
    static let ring = ChunkPipeline.slotCount * ChunkPipeline.chunkBytes

    /// Bytes that differ from chunk to chunk, so a chunk written twice or out of order shows.
    static func bytes(_ count: Int) throws -> Data {
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        defer { try? random.close() }
        return try random.read(upToCount: count) ?? Data()
    }

    static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    @Test(arguments: [0, 1, chunk - 1, chunk, chunk + 1, ring - 1, ring, ring + 1, 3 * ring + chunk / 3])
    func theCopyIsExactAndItsHashRight(size: Int) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.bin")
        let data = try Self.bytes(size)
        try data.write(to: source)

        let copied = try HashingCopy.copy(source.path, into: folder.appendingPathComponent("staging"))
        #expect(copied.bytes == Int64(size))
        #expect(copied.sha256.hex == Self.hex(data))
        #expect(try Data(contentsOf: copied.temporary) == data)
        #expect(try HashingCopy.sha256(of: source.path).hex == Self.hex(data))
    }

    @Test func aKnownDigest() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: source)
        // FIPS 180-2, appendix B.1.
        #expect(try HashingCopy.sha256(of: source.path).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// /dev/full fails every write with ENOSPC, as a full disk does. A photo-sized file takes
    /// the one-thread path, a large one the pipeline.
    @Test(arguments: [100_000, 2 * ring])
    func aFullDiskStopsTheCopyAndSaysItIsTheDestination(size: Int) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.bin")
        try Self.bytes(size).write(to: source)
        let input = open(source.path, O_RDONLY)
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(input >= 0 && descriptor >= 0)
        let output = DirectOutput(adopting: descriptor, path: "/dev/full")
        defer { close(input) }

        #expect {
            _ = try HashingCopy.hashAndCopy(from: input, sourcePath: source.path, into: output)
        } throws: { error in
            let failure = error as? HashingCopy.StreamError
            return failure?.side == .destination && failure?.description.contains("/dev/full") == true
        }
    }

    /// A folder opens but cannot be read (EISDIR): the source's failure, named as such.
    @Test func anUnreadableSourceStopsTheCopyAndSaysItIsTheSource() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = open(folder.path, O_RDONLY)
        let output = try #require(DirectOutput.create(folder.appendingPathComponent("copy.bin").path))
        try #require(input >= 0)
        defer { close(input) }

        #expect {
            _ = try HashingCopy.hashAndCopy(from: input, sourcePath: folder.path, into: output)
        } throws: { error in
            let failure = error as? HashingCopy.StreamError
            return failure?.side == .source && failure?.description.contains(folder.path) == true
        }
        #expect(throws: (any Error).self) { try HashingCopy.sha256(of: folder.path) }
    }
}

extension HashingCopyTests {
    /// Direct writes where the file system takes them (ext4 here), ordinary ones where it
    /// refuses them (tmpfs, /dev/shm, on older kernels): the copy is exact either way.
    @Test(arguments: ["/dev/shm", FileManager.default.temporaryDirectory.path])
    func theCopyIsExactOnEveryFileSystem(base: String) throws {
        try #require(FileManager.default.fileExists(atPath: base))
        let folder = URL(fileURLWithPath: base).appendingPathComponent("hashing-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("source.bin")
        let data = try Self.bytes(2 * Self.ring + 4095)
        try data.write(to: source)

        let copied = try HashingCopy.copy(source.path, into: folder.appendingPathComponent("staging"))
        #expect(copied.sha256.hex == Self.hex(data))
        #expect(try Data(contentsOf: copied.temporary) == data)
    }
}

extension HashingCopyTests {
    /// Whole aligned blocks go straight to disk; the tail switches the file to ordinary writes.
    /// `direct: false` is the path a file system that refuses direct writes takes.
    @Test(arguments: [true, false])
    func directAndOrdinaryWritesLeaveTheSameBytes(direct: Bool) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("copy.bin").path
        let output = try #require(DirectOutput.create(path, direct: direct))
        #expect(output.isDirect == direct)
        #expect(DirectOutput.create(path) == nil, "an existing file is never reused")

        let data = try Self.bytes(Self.chunk + 100)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 4096)
        defer { buffer.deallocate() }
        data.copyBytes(to: buffer)
        try output.write(UnsafeRawBufferPointer(rebasing: buffer[0..<Self.chunk]))
        #expect(output.isDirect == direct)
        try output.write(UnsafeRawBufferPointer(rebasing: buffer[Self.chunk...]))
        #expect(!output.isDirect)
        #expect(fsync(output.descriptor) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data)
    }
}
