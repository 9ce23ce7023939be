/// What a HEIF file's own boxes (ISO/IEC 14496-12 and 23008-12) say about its main image,
/// read without libheif: the primary item, its stored size (`ispe`), its transforms
/// (`irot`, `imir`, in the order the file applies them) and its EXIF item.
///
/// This exists for files libheif refuses although their boxes are sound — Debian 12's
/// libheif 1.15 rejects iOS 18's HEIC photos ("Metadata not correctly assigned to image")
/// because their EXIF item also describes the gain-map (`tmap`) item. Reading the few boxes
/// we need ourselves keeps date, camera, GPS, orientation and size known for such a file.
/// Only metadata is read; nothing here decodes pictures.
struct HEIFBoxes: Equatable {
    var primaryItemID: UInt32
    /// The primary item's `ispe`: the picture as coded, before any transform.
    var storedWidth: Int?
    var storedHeight: Int?
    /// The primary item's rotations and mirrorings, in the order they apply.
    var transforms: [HEIFTransform]
    /// The EXIF item's bytes as stored (a 4-byte offset to the TIFF header, then the TIFF
    /// structure), or nil when the file has none.
    var exifItem: [UInt8]?

    /// Refusals, each with what went wrong; the caller words them for the person.
    enum Failure: Error, Equatable {
        case notHEIF
        case noMetaBox
        case damaged(String)
    }

    /// The `meta` box is a few kilobytes even for 48-tile iPhone photos; a larger one is not
    /// a photo we should trust with memory.
    static let metaBoxLimit = 16 << 20
    /// EXIF items are tens of kilobytes; libexif reads at most 64 KiB of them anyway.
    static let exifItemLimit = 16 << 20
    /// Top-level boxes walked before giving up on finding `meta`.
    static let topLevelBoxLimit = 10_000

    static func read(_ file: some RandomAccessBytes) throws(Failure) -> HEIFBoxes {
        guard let type = file.bytes(at: 4, count: 4), type.elementsEqual("ftyp".utf8) else { throw .notHEIF }
        var offset = 0
        for _ in 0..<topLevelBoxLimit {
            guard let header = BoxHeader.read(file, at: offset, end: file.byteCount) else { break }
            if header.type == "meta" {
                guard header.size <= metaBoxLimit,
                      let bytes = file.bytes(at: offset + header.headerSize, count: header.size - header.headerSize)
                else { throw .damaged("the meta box is larger than the file or than \(metaBoxLimit >> 20) MiB") }
                return try parse(meta: InMemoryBytes(storage: bytes), file: file)
            }
            offset += header.size
        }
        throw .noMetaBox
    }

    private static func parse(meta: InMemoryBytes, file: some RandomAccessBytes) throws(Failure) -> HEIFBoxes {
        // `meta` is a full box: version and flags first, then its children.
        let children = BoxHeader.children(of: meta, from: 4, to: meta.byteCount)
        func child(_ type: String) -> (BoxHeader, Int)? { children.first { $0.0.type == type } }
        func payload(_ type: String) -> InMemoryBytes? {
            guard let (header, start) = child(type),
                  let bytes = meta.bytes(at: start + header.headerSize, count: header.size - header.headerSize)
            else { return nil }
            return InMemoryBytes(storage: bytes)
        }

        var pitmReader = payload("pitm").map(FullBoxReader.init)
        guard let primary = pitmReader?.primaryItem() else {
            throw .damaged("the primary item (pitm) is missing")
        }
        let items = payload("iinf").map { ItemInfo.read($0) } ?? [:]
        let locations = payload("iloc").map { ItemLocations.read($0) } ?? [:]
        let references = payload("iref").map { ItemReferences.read($0) } ?? []
        let properties = payload("iprp").map { ItemProperties.read($0) } ?? ItemProperties()

        var boxes = HEIFBoxes(primaryItemID: primary, transforms: [])
        for property in properties.of(item: primary) {
            switch property {
            case .size(let width, let height):
                boxes.storedWidth = width
                boxes.storedHeight = height
            case .transform(let transform):
                boxes.transforms.append(transform)
            }
        }

        let exifItems = items.filter { $0.value == "Exif" }.map(\.key).sorted()
        // The EXIF item that describes the primary image (`cdsc`), else the first one.
        let describing = exifItems.first { id in
            references.contains { $0.type == "cdsc" && $0.from == id && $0.to.contains(primary) }
        }
        if let exifID = describing ?? exifItems.first, let location = locations[exifID] {
            let idat = payload("idat")
            boxes.exifItem = try location.bytes(from: file, idat: idat, limit: exifItemLimit)
        }
        return boxes
    }
}

/// A rotation or mirroring a HEIF file applies to a picture before showing it.
enum HEIFTransform: Equatable {
    /// `irot`: counter-clockwise, in degrees (0, 90, 180, 270).
    case rotation(Int)
    /// `imir`: mirrored left-to-right (about a vertical axis) or top-to-bottom.
    case mirror(leftToRight: Bool)
    /// `clap`: the picture is cropped to this size (encoders pad to whole coding blocks).
    case crop(width: Int, height: Int)
}

/// A box's size, type and where its payload starts.
struct BoxHeader {
    var size: Int
    var type: String
    var headerSize: Int

    static func read(_ bytes: some RandomAccessBytes, at offset: Int, end: Int) -> BoxHeader? {
        guard offset + 8 <= end, let small = bytes.uint32(at: offset, bigEndian: true),
              let typeBytes = bytes.bytes(at: offset + 4, count: 4)
        else { return nil }
        let type = String(decoding: typeBytes, as: UTF8.self)
        var size = small
        var headerSize = 8
        if small == 1 {
            guard let high = bytes.uint32(at: offset + 8, bigEndian: true),
                  let low = bytes.uint32(at: offset + 12, bigEndian: true), high < 1 << 30
            else { return nil }
            size = high << 32 | low
            headerSize = 16
        } else if small == 0 {
            size = end - offset  // "to the end of the enclosing box"
        }
        guard size >= headerSize, size <= end - offset else { return nil }
        return BoxHeader(size: size, type: type, headerSize: headerSize)
    }

    /// The boxes between `start` and `end`, with where each begins; stops at the first damaged one.
    static func children(of bytes: some RandomAccessBytes, from start: Int, to end: Int) -> [(BoxHeader, Int)] {
        var found: [(BoxHeader, Int)] = []
        var offset = start
        while found.count < 100_000, let header = read(bytes, at: offset, end: end) {
            found.append((header, offset))
            offset += header.size
        }
        return found
    }
}

/// Reads big-endian fields one after another from a full box (version, flags, then fields).
struct FullBoxReader {
    let bytes: InMemoryBytes
    var offset = 4
    let version: Int
    let flags: Int

    init(_ bytes: InMemoryBytes) {
        self.bytes = bytes
        version = bytes.bytes(at: 0, count: 1).map { Int($0[0]) } ?? -1
        flags = bytes.uint32(at: 0, bigEndian: true).map { $0 & 0xFF_FFFF } ?? 0
    }

    var remaining: Int { bytes.byteCount - offset }

    /// An unsigned field of `width` bytes (0, 1, 2, 4 or 8); 0 bytes reads as 0.
    mutating func uint(_ width: Int) -> Int? {
        guard width > 0 else { return 0 }
        guard let field = bytes.bytes(at: offset, count: width), width <= 8 else { return nil }
        offset += width
        let value = field.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return value <= UInt64(Int.max) ? Int(value) : nil
    }

    mutating func fourCC() -> String? {
        guard let field = bytes.bytes(at: offset, count: 4) else { return nil }
        offset += 4
        return String(decoding: field, as: UTF8.self)
    }

    mutating func skipString() {
        while let byte = bytes.bytes(at: offset, count: 1) {
            offset += 1
            if byte[0] == 0 { return }
        }
    }

    mutating func primaryItem() -> UInt32? {
        uint(version == 0 ? 2 : 4).map { UInt32(truncatingIfNeeded: $0) }
    }
}

/// `iinf`: each item's id and four-character type (`hvc1`, `grid`, `Exif`, `mime`, …).
enum ItemInfo {
    static func read(_ box: InMemoryBytes) -> [UInt32: String] {
        var reader = FullBoxReader(box)
        guard let count = reader.uint(reader.version == 0 ? 2 : 4) else { return [:] }
        var types: [UInt32: String] = [:]
        for (header, start) in BoxHeader.children(of: box, from: reader.offset, to: box.byteCount).prefix(count)
        where header.type == "infe" {
            guard let bytes = box.bytes(at: start + header.headerSize, count: header.size - header.headerSize) else { continue }
            var entry = FullBoxReader(InMemoryBytes(storage: bytes))
            // Versions 0 and 1 predate item types; HEIF writes version 2 or 3.
            guard entry.version >= 2, let id = entry.uint(entry.version == 2 ? 2 : 4), entry.uint(2) != nil,
                  let type = entry.fourCC()
            else { continue }
            types[UInt32(truncatingIfNeeded: id)] = type
        }
        return types
    }
}

/// `iref`: typed links between items (`cdsc`: metadata describing an image, `dimg`, `thmb`, …).
struct ItemReference: Equatable {
    var type: String
    var from: UInt32
    var to: [UInt32]
}

enum ItemReferences {
    static func read(_ box: InMemoryBytes) -> [ItemReference] {
        let idWidth = FullBoxReader(box).version == 0 ? 2 : 4
        return BoxHeader.children(of: box, from: 4, to: box.byteCount).compactMap { header, start in
            guard let bytes = box.bytes(at: start + header.headerSize, count: header.size - header.headerSize) else { return nil }
            // The children are plain boxes, not full boxes: read them from offset 0.
            var reader = FullBoxReader(InMemoryBytes(storage: bytes))
            reader.offset = 0
            guard let from = reader.uint(idWidth), let count = reader.uint(2), count * idWidth <= reader.remaining else { return nil }
            let to = (0..<count).compactMap { _ in reader.uint(idWidth).map { UInt32(truncatingIfNeeded: $0) } }
            return ItemReference(type: header.type, from: UInt32(truncatingIfNeeded: from), to: to)
        }
    }
}

/// `iprp`: the property boxes (`ipco`) and which items they belong to (`ipma`).
struct ItemProperties {
    enum Property: Equatable {
        case size(width: Int, height: Int)
        case transform(HEIFTransform)
    }

    /// The properties we read, by their 1-based index in `ipco`; the others are nil.
    var properties: [Property?] = []
    /// For each item, the indices of its properties, in the order the file lists them.
    var associations: [UInt32: [Int]] = [:]

    func of(item: UInt32) -> [Property] {
        (associations[item] ?? []).compactMap { index in
            index >= 1 && index <= properties.count ? properties[index - 1] : nil
        }
    }

    static func read(_ box: InMemoryBytes) -> ItemProperties {
        var result = ItemProperties()
        for (header, start) in BoxHeader.children(of: box, from: 0, to: box.byteCount) {
            guard let bytes = box.bytes(at: start + header.headerSize, count: header.size - header.headerSize) else { continue }
            let payload = InMemoryBytes(storage: bytes)
            switch header.type {
            case "ipco":
                result.properties = BoxHeader.children(of: payload, from: 0, to: payload.byteCount).map { header, start in
                    property(header, payload.bytes(at: start + header.headerSize, count: header.size - header.headerSize))
                }
            case "ipma":
                result.associations.merge(associations(payload)) { first, _ in first }
            default:
                break
            }
        }
        return result
    }

    private static func property(_ header: BoxHeader, _ bytes: [UInt8]?) -> Property? {
        guard let bytes else { return nil }
        switch header.type {
        case "ispe":
            var reader = FullBoxReader(InMemoryBytes(storage: bytes))
            guard let width = reader.uint(4), let height = reader.uint(4) else { return nil }
            return .size(width: width, height: height)
        case "clap":
            // Width and height as fractions (N/D), then the offsets, which do not change the size.
            var reader = FullBoxReader(InMemoryBytes(storage: bytes))
            reader.offset = 0
            guard let widthN = reader.uint(4), let widthD = reader.uint(4), let heightN = reader.uint(4),
                  let heightD = reader.uint(4), widthD > 0, heightD > 0
            else { return nil }
            return .transform(.crop(width: widthN / widthD, height: heightN / heightD))
        case "irot":
            guard let byte = bytes.first else { return nil }
            return .transform(.rotation(Int(byte & 0x03) * 90))
        case "imir":
            // ISO/IEC 23008-12: axis 0 is a vertical axis (left and right swap), 1 a horizontal one.
            guard let byte = bytes.first else { return nil }
            return .transform(.mirror(leftToRight: byte & 0x01 == 0))
        default:
            return nil
        }
    }

    private static func associations(_ box: InMemoryBytes) -> [UInt32: [Int]] {
        var reader = FullBoxReader(box)
        let idWidth = reader.version < 1 ? 2 : 4
        let indexWidth = reader.flags & 1 == 1 ? 2 : 1
        guard let count = reader.uint(4) else { return [:] }
        var associations: [UInt32: [Int]] = [:]
        for _ in 0..<min(count, box.byteCount) {
            guard let id = reader.uint(idWidth), let n = reader.uint(1) else { break }
            var indices: [Int] = []
            for _ in 0..<n {
                guard let value = reader.uint(indexWidth) else { break }
                indices.append(value & (indexWidth == 2 ? 0x7FFF : 0x7F))  // the top bit is "essential"
            }
            associations[UInt32(truncatingIfNeeded: id), default: []] += indices
        }
        return associations
    }
}

/// `iloc`: where each item's bytes are — extents in the file, or in the `idat` box.
struct ItemLocation: Equatable {
    struct Extent: Equatable {
        var offset: Int
        var length: Int
    }

    /// 0: offsets into the file; 1: into `idat`; 2 (item references) is not supported.
    var constructionMethod: Int
    var baseOffset: Int
    var extents: [Extent]

    /// The item's bytes, its extents joined; a length of 0 means "to the end of the file".
    func bytes(from file: some RandomAccessBytes, idat: InMemoryBytes?, limit: Int) throws(HEIFBoxes.Failure) -> [UInt8] {
        var joined: [UInt8] = []
        for extent in extents {
            let source: any RandomAccessBytes
            switch constructionMethod {
            case 0: source = file
            case 1:
                guard let idat else { throw .damaged("an item lies in an idat box the file does not have") }
                source = idat
            default: throw .damaged("an item is built from other items (iloc construction method \(constructionMethod))")
            }
            let start = baseOffset + extent.offset
            let length = extent.length == 0 ? source.byteCount - start : extent.length
            guard length >= 0, joined.count + length <= limit, let bytes = source.bytes(at: start, count: length) else {
                throw .damaged("an item's bytes lie beyond the end of the file")
            }
            joined += bytes
        }
        return joined
    }
}

enum ItemLocations {
    static func read(_ box: InMemoryBytes) -> [UInt32: ItemLocation] {
        var reader = FullBoxReader(box)
        let version = reader.version
        guard version <= 2, let sizes = reader.uint(2) else { return [:] }
        let offsetSize = sizes >> 12 & 0xF, lengthSize = sizes >> 8 & 0xF
        let baseOffsetSize = sizes >> 4 & 0xF, indexSize = version >= 1 ? sizes & 0xF : 0
        guard let count = reader.uint(version < 2 ? 2 : 4) else { return [:] }
        var locations: [UInt32: ItemLocation] = [:]
        for _ in 0..<min(count, box.byteCount) {
            guard let id = reader.uint(version < 2 ? 2 : 4) else { break }
            var method = 0
            if version >= 1 {
                guard let field = reader.uint(2) else { break }
                method = field & 0xF
            }
            guard reader.uint(2) != nil,  // data_reference_index: 0 is "this file"
                  let base = reader.uint(baseOffsetSize), let extentCount = reader.uint(2),
                  extentCount * (indexSize + offsetSize + lengthSize) <= reader.remaining
            else { break }
            var extents: [ItemLocation.Extent] = []
            for _ in 0..<extentCount {
                guard reader.uint(indexSize) != nil, let offset = reader.uint(offsetSize), let length = reader.uint(lengthSize)
                else { break }
                extents.append(.init(offset: offset, length: length))
            }
            locations[UInt32(truncatingIfNeeded: id)] = ItemLocation(constructionMethod: method, baseOffset: base, extents: extents)
        }
        return locations
    }
}
