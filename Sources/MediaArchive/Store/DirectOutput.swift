import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The archive's copy of an incoming file, written straight to disk (`O_DIRECT`) where the file
/// system allows it. A 1 GiB video then never passes through the page cache: no gigabyte of
/// fresh cache pages to fill (on a virtual machine that has handed its free memory back to the
/// host, taking it back costs seconds per GiB), no second copy of the file in memory, and the
/// data is already on the disk when the final fsync asks for it.
///
/// Direct writes must be whole 4 KiB blocks from aligned buffers at aligned offsets
/// (`ChunkPipeline` reads whole, aligned 1 MiB chunks). The first chunk that is not whole
/// blocks — normally the file's tail — switches the file back to ordinary writes for the rest,
/// as does a file system that refuses a direct write. Used by one writer thread at a time.
final class DirectOutput: @unchecked Sendable {
    let descriptor: Int32
    let path: String
    private(set) var isDirect: Bool

    /// `O_DIRECT`, which Swift's Glibc module does not export; its value is per architecture
    /// (<asm-generic/fcntl.h> and arch/*/include/uapi/asm/fcntl.h).
    private static let directFlag: Int32? = {
        #if os(Linux) && arch(x86_64)
        return 0o40000
        #elseif os(Linux) && arch(arm64)
        return 0o200000
        #else
        return nil
        #endif
    }()

    private static let blockBytes = 4096

    /// Creates `path` (which must not exist), then asks for direct writes; a file system that
    /// refuses them (fcntl fails) gets ordinary writes. (Asking in `open` instead would leave the
    /// file created on such a file system while failing, so a retry would find it in the way.)
    /// Nil with errno set when the file cannot be created. `direct: false` gives ordinary
    /// writes (export, to sticks that do better with the page cache's write-behind).
    static func create(_ path: String, direct: Bool = true) -> DirectOutput? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var isDirect = false
        if direct, let flag = directFlag {
            let flags = fcntl(descriptor, F_GETFL)
            isDirect = flags >= 0 && fcntl(descriptor, F_SETFL, flags | flag) == 0
        }
        return DirectOutput(descriptor: descriptor, path: path, isDirect: isDirect)
    }

    /// Takes over an open descriptor (closed when this goes away), with ordinary writes.
    convenience init(adopting descriptor: Int32, path: String) {
        self.init(descriptor: descriptor, path: path, isDirect: false)
    }

    private init(descriptor: Int32, path: String, isDirect: Bool) {
        self.descriptor = descriptor
        self.path = path
        self.isDirect = isDirect
    }

    deinit { close(descriptor) }

    func write(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress else { return }
        if isDirect, chunk.count % Self.blockBytes != 0 || Int(bitPattern: base) % Self.blockBytes != 0 {
            try stopWritingDirectly()
        }
        var offset = 0
        while offset < chunk.count {
            let written = writeToDescriptor(descriptor, base + offset, chunk.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // A file system that opened the file for direct writes but refuses them.
                if isDirect, errno == EINVAL || errno == EOPNOTSUPP {
                    try stopWritingDirectly()
                    continue
                }
                throw AtomicFile.posixError("cannot write \(path)")
            }
            offset += written
            // A short direct write leaves a remainder that may not be whole blocks.
            if isDirect, offset < chunk.count { try stopWritingDirectly() }
        }
    }

    private func stopWritingDirectly() throws {
        guard let direct = Self.directFlag else { return }
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags & ~direct) == 0 else {
            throw AtomicFile.posixError("cannot write \(path)")
        }
        isDirect = false
    }
}

/// The system's `write`, which a method of the same name would otherwise hide.
private func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
