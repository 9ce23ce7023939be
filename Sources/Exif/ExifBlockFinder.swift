/// Finds the EXIF block inside each container format and returns it as libexif wants it:
/// "Exif\0\0" followed by a TIFF structure (byte-order mark, 42, IFD0 offset, IFDs).
struct ExifBlockFinder {
    /// The APP1 identifier libexif looks for; containers other than JPEG omit it.
    static let exifHeader: [UInt8] = Array("Exif\0\0".utf8)
    /// libexif reads at most this many bytes of a payload (the JPEG APP1 limit).
    static let libexifPayloadLimit = 0xFFFE

    /// What was found: the payload (nil when the photo has no EXIF) and sentences about damage.
    struct Found {
        var payload: [UInt8]?
        var warnings: [PhotoMetadataWarning] = []
    }

    static let damagedWarning = PhotoMetadataWarning.exifDamaged

    static func find(in file: PhotoFile, container: PhotoContainer) throws -> Found {
        switch container {
        case .jpeg: return jpeg(file)
        case .tiff: return tiffFile(file)
        case .png: return png(file)
        case .webp: return webp(file)
        case .heif: return try heif(path: file.path)
        }
    }

    /// Walks the JPEG segments up to the image data and takes the first APP1 "Exif" segment.
    static func jpeg(_ file: some RandomAccessBytes) -> Found {
        var offset = 2
        for _ in 0..<1024 {
            guard var marker = file.bytes(at: offset, count: 2) else { return Found() }
            guard marker[0] == 0xFF else {
                return Found(warnings: [PhotoMetadataWarning.jpegDamagedBeforeExif])
            }
            while marker[1] == 0xFF {  // fill bytes
                offset += 1
                guard let next = file.bytes(at: offset, count: 2) else { return Found() }
                marker = next
            }
            switch marker[1] {
            case 0xD8, 0x01, 0xD0...0xD7:  // standalone markers
                offset += 2
                continue
            case 0xDA, 0xD9:  // start of scan / end of image: metadata comes before these
                return Found()
            default:
                break
            }
            guard let length = file.uint16(at: offset + 2, bigEndian: true), length >= 2 else { return Found() }
            if marker[1] == 0xE1, length >= 2 + 6 + 8,
                let identifier = file.bytes(at: offset + 4, count: 5), identifier.elementsEqual("Exif\0".utf8)
            {
                guard let tiff = file.bytes(at: offset + 4 + 6, count: length - 2 - 6) else {
                    // The segment claims more bytes than the file has: hand libexif what there is.
                    let available = max(0, file.byteCount - (offset + 10))
                    let tiff = file.bytes(at: offset + 10, count: available) ?? []
                    return Found(payload: exifHeader + tiff, warnings: [damagedWarning])
                }
                return Found(payload: exifHeader + tiff)
            }
            offset += 2 + length
        }
        return Found()
    }

    /// A TIFF file is itself the TIFF structure, but its IFDs may lie anywhere in the file.
    static func tiffFile(_ file: some RandomAccessBytes) -> Found {
        guard let packed = TIFFMetadataRepacker.repack(file) else { return Found(warnings: [damagedWarning]) }
        return Found(payload: exifHeader + packed)
    }

    /// A PNG "eXIf" chunk holds a bare TIFF structure.
    static func png(_ file: some RandomAccessBytes) -> Found {
        var offset = 8
        for _ in 0..<100_000 {
            guard let length = file.uint32(at: offset, bigEndian: true),
                let type = file.bytes(at: offset + 4, count: 4)
            else { return Found() }
            if type.elementsEqual("eXIf".utf8) {
                guard let tiff = file.bytes(at: offset + 8, count: length) else { return Found(warnings: [damagedWarning]) }
                return fromTIFF(tiff)
            }
            if type.elementsEqual("IEND".utf8) { return Found() }
            offset += 12 + length
        }
        return Found()
    }

    /// A WebP "EXIF" chunk holds a TIFF structure, sometimes behind an "Exif\0\0" identifier.
    static func webp(_ file: some RandomAccessBytes) -> Found {
        var offset = 12
        for _ in 0..<100_000 {
            guard let type = file.bytes(at: offset, count: 4), let size = file.uint32(at: offset + 4, bigEndian: false)
            else { return Found() }
            if type.elementsEqual("EXIF".utf8) {
                guard var tiff = file.bytes(at: offset + 8, count: size) else { return Found(warnings: [damagedWarning]) }
                if tiff.starts(with: exifHeader) { tiff.removeFirst(exifHeader.count) }
                return fromTIFF(tiff)
            }
            offset += 8 + size + (size & 1)
        }
        return Found()
    }

    /// A HEIF "Exif" item starts with a 4-byte big-endian offset from its end to the TIFF header
    /// (ISO/IEC 23008-12 A.2.1); some writers also put "Exif\0\0" there.
    ///
    /// libheif refuses some files whose boxes are sound (1.15 refuses every iOS 18 photo, whose
    /// EXIF item also describes its gain map); their EXIF item is then taken from the boxes.
    static func heif(path: String) throws -> Found {
        let image: HEIFImageHandle
        do {
            image = try HEIFFile(path: path).primaryImage()
        } catch let refusal {
            // When the boxes are damaged too, libheif's words say best what is wrong.
            guard let boxes = try? HEIFBoxes.read(path: path) else { throw refusal }
            return boxes.exifItem.map(fromHEIFExifItem) ?? Found()
        }
        guard let item = image.exifItems().first else { return Found() }
        return fromHEIFExifItem(item)
    }

    static func fromHEIFExifItem(_ item: [UInt8]) -> Found {
        let block = InMemoryBytes(storage: item)
        guard let offset = block.uint32(at: 0, bigEndian: true) else { return Found(warnings: [damagedWarning]) }
        let stated = 4 + offset
        if stated < item.count - 8, isTIFFHeader(item[stated...]) {
            return fromTIFF(Array(item[stated...]))
        }
        // The stated offset is wrong: look for a TIFF header near the start instead.
        if let start = (4..<min(item.count - 8, 64)).first(where: { isTIFFHeader(item[$0...]) }) {
            return fromTIFF(Array(item[start...]))
        }
        return Found(warnings: [damagedWarning])
    }

    static func fromTIFF(_ tiff: [UInt8]) -> Found {
        guard isTIFFHeader(tiff[...]) else { return Found(warnings: [damagedWarning]) }
        if exifHeader.count + tiff.count <= libexifPayloadLimit { return Found(payload: exifHeader + tiff) }
        guard let packed = TIFFMetadataRepacker.repack(InMemoryBytes(storage: tiff)) else {
            return Found(warnings: [damagedWarning])
        }
        return Found(payload: exifHeader + packed)
    }

    /// The tag number a hidden MakerNote gets: unassigned in EXIF, so libexif keeps it as plain bytes.
    static let hiddenMakerNoteTag = 0xFFFE

    /// libexif decodes maker notes (vendor-private data, historically its most fragile
    /// parsers) whenever IFD0 or the EXIF IFD holds tag 0x927C. We never read them, so in our
    /// copy of the payload the tag is renumbered and libexif leaves its bytes alone.
    static func hidingMakerNote(_ payload: [UInt8]) -> [UInt8] {
        let base = exifHeader.count
        guard payload.count >= base + 8, payload.starts(with: exifHeader) else { return payload }
        let block = InMemoryBytes(storage: payload)
        let bigEndian = payload[base] == 0x4D
        var output = payload
        func entries(ofIFDAt offset: Int) -> [Int] {
            guard let count = block.uint16(at: base + offset, bigEndian: bigEndian) else { return [] }
            return (0..<count).map { base + offset + 2 + 12 * $0 }.filter { $0 + 12 <= payload.count }
        }
        func hide(in offset: Int) {
            for at in entries(ofIFDAt: offset) where block.uint16(at: at, bigEndian: bigEndian) == 0x927C {
                let tag = hiddenMakerNoteTag
                output[at..<at + 2] = bigEndian ? [UInt8(tag >> 8), UInt8(tag & 0xFF)] : [UInt8(tag & 0xFF), UInt8(tag >> 8)]
            }
        }
        guard let ifd0 = block.uint32(at: base + 4, bigEndian: bigEndian) else { return payload }
        hide(in: ifd0)
        for at in entries(ofIFDAt: ifd0) where block.uint16(at: at, bigEndian: bigEndian) == 0x8769 {
            if let exifIFD = block.uint32(at: at + 8, bigEndian: bigEndian), exifIFD != ifd0 { hide(in: exifIFD) }
        }
        return output
    }

    static func isTIFFHeader(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
    }
}
