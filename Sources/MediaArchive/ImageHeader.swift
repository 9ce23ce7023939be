import Foundation

/// A still picture's format and pixel size, read from its header without decoding it.
///
/// Checking or inspecting a photo needs no pixels; decoding a 12-megapixel JPEG just to learn
/// its size (what FFmpeg's stream probe does) would cost more than everything else together.
struct ImageHeader: Equatable {
    /// FFmpeg's demuxer name for the same content, so `format` reads the same either way.
    var format: String
    var width: Int
    var height: Int

    static func read(path: String) -> ImageHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let start = try? handle.read(upToCount: 64), start.count >= 12 else { return nil }
        let bytes = [UInt8](start)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(handle) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), bytes.count >= 24,
           Array(bytes[12..<16]) == Array("IHDR".utf8) {
            return sized("png_pipe", bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
        }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            return sized("gif", littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2))
        }
        if bytes.starts(with: Array("BM".utf8)), bytes.count >= 26 {
            let height = Int32(bitPattern: UInt32(littleEndian(bytes, 22, 4)))  // negative: top-down rows
            return sized("bmp_pipe", littleEndian(bytes, 18, 4), Int(height.magnitude))
        }
        if bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return webp(bytes) }
        return nil
    }

    /// Walks the JPEG markers to the frame header (SOFn), skipping metadata segments by length.
    private static func jpeg(_ handle: FileHandle) -> ImageHeader? {
        var offset: UInt64 = 2
        for _ in 0..<512 {
            guard (try? handle.seek(toOffset: offset)) != nil,
                  let header = try? handle.read(upToCount: 4), header.count == 4 else { return nil }
            let marker = [UInt8](header)
            guard marker[0] == 0xFF else { return nil }
            if marker[1] == 0xFF { offset += 1; continue } // fill byte
            let length = UInt64(marker[2]) << 8 | UInt64(marker[3])
            switch marker[1] {
            case 0xC0...0xCF where marker[1] != 0xC4 && marker[1] != 0xC8 && marker[1] != 0xCC:
                guard let frame = try? handle.read(upToCount: 5), frame.count == 5 else { return nil }
                let bytes = [UInt8](frame)
                return sized("jpeg_pipe", bigEndian(bytes, 3, 2), bigEndian(bytes, 1, 2))
            case 0xDA, 0xD9:
                return nil // image data or the end before any frame header
            default:
                guard length >= 2 else { return nil }
                offset += 2 + length
            }
        }
        return nil
    }

    private static func webp(_ bytes: [UInt8]) -> ImageHeader? {
        guard bytes.count >= 30 else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 " where bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A:
            return sized("webp_pipe", littleEndian(bytes, 26, 2) & 0x3FFF, littleEndian(bytes, 28, 2) & 0x3FFF)
        case "VP8L" where bytes[20] == 0x2F:
            let bits = littleEndian(bytes, 21, 4)
            return sized("webp_pipe", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            return sized("webp_pipe", littleEndian(bytes, 24, 3) + 1, littleEndian(bytes, 27, 3) + 1)
        default:
            return nil
        }
    }

    private static func sized(_ format: String, _ width: Int, _ height: Int) -> ImageHeader? {
        width > 0 && height > 0 ? ImageHeader(format: format, width: width, height: height) : nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        guard at + count <= bytes.count else { return 0 }
        return bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        guard at + count <= bytes.count else { return 0 }
        return bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
