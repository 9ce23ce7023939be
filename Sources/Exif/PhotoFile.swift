#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Random-access bytes, from a file or from memory; reads past the end return nil.
protocol RandomAccessBytes {
    var byteCount: Int { get }
    func bytes(at offset: Int, count: Int) -> [UInt8]?
}

/// An open, regular file read with `pread`; owns the descriptor and closes it in `deinit`.
/// Not Sendable: one reader per task.
final class PhotoFile: RandomAccessBytes {
    let path: String
    let byteCount: Int
    private let descriptor: Int32

    /// Throws ``ExifError`` with `fileNotFound` or `unreadable`.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw ExifError(
                code == ENOENT ? ExifError.fileNotFound : ExifError.unreadable, path: path,
                message: code == ENOENT ? "there is no file at this path" : "the file cannot be opened",
                libraryMessage: String(cString: strerror(code)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ExifError(ExifError.unreadable, path: path, message: "this is not a regular file (a folder or a device?)")
        }
        self.path = path
        self.descriptor = descriptor
        self.byteCount = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func bytes(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= byteCount, count <= byteCount - offset else { return nil }
        if count == 0 { return [] }
        let result = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if got < 0 && errno == EINTR { continue }
                if got <= 0 { break }
                done += got
            }
            initialized = done
        }
        return result.count == count ? result : nil
    }
}

/// Bytes already in memory (an EXIF block from a HEIF item, a PNG chunk).
struct InMemoryBytes: RandomAccessBytes {
    let storage: [UInt8]
    var byteCount: Int { storage.count }

    func bytes(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= storage.count, count <= storage.count - offset else { return nil }
        return Array(storage[offset..<offset + count])
    }
}

extension RandomAccessBytes {
    func uint16(at offset: Int, bigEndian: Bool) -> Int? {
        guard let b = bytes(at: offset, count: 2) else { return nil }
        return bigEndian ? Int(b[0]) << 8 | Int(b[1]) : Int(b[1]) << 8 | Int(b[0])
    }

    func uint32(at offset: Int, bigEndian: Bool) -> Int? {
        guard let b = bytes(at: offset, count: 4) else { return nil }
        let ordered = bigEndian ? b : b.reversed()
        return ordered.reduce(0) { $0 << 8 | Int($1) }
    }
}
