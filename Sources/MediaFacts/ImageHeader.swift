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

    /// The still-picture formats told apart by their first bytes: the rest of the one content
    /// sniffer, after `ContentSignature` has ruled out documents and HEIF.
    enum Magic: Equatable {
        case jpeg, png, gif, bmp, webp, jpegXL, jpegXLContainer
        /// Known by its magic, but its size is left to FFmpeg (a TIFF's IFDs may lie anywhere).
        case tiff

        init?(_ bytes: [UInt8]) {
            func starts(_ prefix: [UInt8]) -> Bool { bytes.starts(with: prefix) }
            if starts([0xFF, 0xD8, 0xFF]) { self = .jpeg }
            else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { self = .png }
            else if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { self = .gif }
            else if starts(Array("BM".utf8)) { self = .bmp }
            else if starts(Array("RIFF".utf8)), bytes.count >= 12, Array(bytes[8..<12]) == Array("WEBP".utf8) { self = .webp }
            else if starts([0xFF, 0x0A]) { self = .jpegXL }
            else if starts([0, 0, 0, 0x0C] + Array("JXL ".utf8)) { self = .jpegXLContainer }
            else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { self = .tiff }
            else { return nil }
        }

        /// The first bytes of the file at `path`; nil when it cannot be read or is none of these.
        static func read(path: String) -> Magic? {
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 64)).flatMap { Magic([UInt8]($0)) }
        }
    }

    static func read(path: String) -> ImageHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let start = try? handle.read(upToCount: 64), start.count >= 12 else { return nil }
        let bytes = [UInt8](start)
        switch Magic(bytes) {
        case .jpeg:
            return jpeg(handle)
        case .png:
            guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
            return sized("png_pipe", bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4))
        case .gif:
            return sized("gif", littleEndian(bytes, 6, 2), littleEndian(bytes, 8, 2))
        case .bmp:
            guard bytes.count >= 26 else { return nil }
            let height = Int32(bitPattern: UInt32(littleEndian(bytes, 22, 4)))  // negative: top-down rows
            return sized("bmp_pipe", littleEndian(bytes, 18, 4), Int(height.magnitude))
        case .webp:
            return webp(bytes)
        case .jpegXL:
            return jpegXL(codestream: Array(bytes.dropFirst(2)))
        case .jpegXLContainer:
            return jpegXLContainer(handle)
        case .tiff, nil:
            return nil
        }
    }

    /// JPEG XL's SizeHeader (ISO/IEC 18181-1 §D.2): bit-packed, least significant bit first.
    private static func jpegXL(codestream bytes: [UInt8]) -> ImageHeader? {
        var reader = LSBBitReader(bytes: bytes)
        func u32Size() -> Int? {
            let bits = [9, 13, 18, 30]
            guard let selector = reader.read(2), let value = reader.read(bits[selector]) else { return nil }
            return value + 1
        }
        guard let div8 = reader.read(1) else { return nil }
        let height: Int
        if div8 == 1 {
            guard let value = reader.read(5) else { return nil }
            height = (value + 1) * 8
        } else {
            guard let value = u32Size() else { return nil }
            height = value
        }
        guard let ratio = reader.read(3) else { return nil }
        let ratios = [(1, 1), (12, 10), (4, 3), (3, 2), (16, 9), (5, 4), (2, 1)]
        let width: Int
        if ratio > 0 {
            width = height * ratios[ratio - 1].0 / ratios[ratio - 1].1
        } else if div8 == 1 {
            guard let value = reader.read(5) else { return nil }
            width = (value + 1) * 8
        } else {
            guard let value = u32Size() else { return nil }
            width = value
        }
        return sized("jpegxl_pipe", width, height)
    }

    /// The ISO-BMFF form of JPEG XL: the codestream starts in a `jxlc` box, or in the first
    /// `jxlp` box after its 4-byte part index.
    private static func jpegXLContainer(_ handle: FileHandle) -> ImageHeader? {
        var offset: UInt64 = 0
        for _ in 0..<64 {
            guard (try? handle.seek(toOffset: offset)) != nil,
                  let header = try? handle.read(upToCount: 16), header.count >= 8 else { return nil }
            let box = [UInt8](header)
            var size = UInt64(bigEndian(box, 0, 4))
            var headerLength: UInt64 = 8
            if size == 1, box.count == 16 {
                size = UInt64(bigEndian(box, 8, 8))
                headerLength = 16
            }
            let type = String(decoding: box[4..<8], as: UTF8.self)
            if type == "jxlc" || type == "jxlp" {
                let skip: UInt64 = type == "jxlp" ? 4 : 0
                guard (try? handle.seek(toOffset: offset + headerLength + skip)) != nil,
                      let start = try? handle.read(upToCount: 32), start.starts(with: [0xFF, 0x0A]) else { return nil }
                return jpegXL(codestream: Array([UInt8](start).dropFirst(2)))
            }
            guard size >= headerLength else { return nil } // 0 = "to the end": no codestream box follows
            offset += size
        }
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

/// Reads bit fields least significant bit first, as JPEG XL packs them.
private struct LSBBitReader {
    let bytes: [UInt8]
    var position = 0

    mutating func read(_ count: Int) -> Int? {
        guard position + count <= bytes.count * 8 else { return nil }
        var value = 0
        for bit in 0..<count {
            let index = position + bit
            value |= Int((bytes[index / 8] >> (index % 8)) & 1) << bit
        }
        position += count
        return value
    }
}
