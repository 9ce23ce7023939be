internal import CExif

/// The container formats whose EXIF this module can find, recognised by their first bytes.
enum PhotoFormat: Equatable {
    case jpeg
    case tiff
    /// HEIC, HEIF, AVIF: ISO base media files that libheif reads.
    case heif
    case png
    case webp

    /// Nil when the bytes are not a photo format we know.
    init?(leadingBytes b: [UInt8]) {
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF {
            self = .jpeg
        } else if b.count >= 4, b[0...3] == [0x49, 0x49, 0x2A, 0x00] || b[0...3] == [0x4D, 0x4D, 0x00, 0x2A] {
            self = .tiff
        } else if b.count >= 8, b[0...7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] {
            self = .png
        } else if b.count >= 12, b[0...3] == Array("RIFF".utf8)[...], b[8...11] == Array("WEBP".utf8)[...] {
            self = .webp
        } else if b.count >= 12, b[4...7] == Array("ftyp".utf8)[...], Self.libheifReads(b) {
            self = .heif
        } else {
            return nil
        }
    }

    /// libheif's own judgement of the `ftyp` box, so MP4/MOV videos are not taken for photos.
    private static func libheifReads(_ bytes: [UInt8]) -> Bool {
        let verdict = bytes.withUnsafeBufferPointer { heif_check_filetype($0.baseAddress, Int32($0.count)) }
        return verdict == heif_filetype_yes_supported || verdict == heif_filetype_yes_unsupported
            || verdict == heif_filetype_maybe
    }
}
