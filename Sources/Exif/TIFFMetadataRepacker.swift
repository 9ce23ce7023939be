/// Copies the metadata IFDs of a TIFF structure into a small, self-contained TIFF block.
///
/// libexif parses at most 64 KiB (the size limit of a JPEG APP1 segment) and
/// ignores any IFD whose offset lies beyond it. TIFF files usually store their IFDs
/// after the pixel data, so a 90 KB TIFF is already out of reach. This walks IFD0
/// and its EXIF and GPS sub-IFDs, copies their entries (but not pixel data, thumbnails,
/// maker notes or large embedded blobs), and lays them out again from offset 8.
/// The byte order is kept, so values are copied without swapping.
struct TIFFMetadataRepacker {
    /// Tags whose values are offsets or large blobs that mean nothing in the repacked block.
    private static let droppedTags: Set<Int> = [
        0x0111, 0x0117, 0x0144, 0x0145,  // strip and tile offsets/counts: pixel data pointers
        0x0201, 0x0202,  // JPEG thumbnail pointer and length
        0x014A,  // SubIFDs (offsets into the original file)
        0x02BC, 0x83BB, 0x8649, 0x8773,  // XMP, IPTC, Photoshop, ICC profile
        0x927C,  // MakerNote: vendor-private offsets relative to the original file
        0xA005,  // Interoperability IFD: nothing we read
    ]
    private static let exifIFDPointer = 0x8769
    private static let gpsIFDPointer = 0x8825
    /// Largest single value copied; text tags are far smaller.
    private static let maximumValueSize = 8 * 1024
    private static let maximumEntriesPerIFD = 1024
    private static let typeSizes: [Int: Int] = [1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8]

    private struct Entry {
        var tag: Int
        var type: Int
        var count: Int
        var value: [UInt8]  // the value bytes (inline or out of line), or empty for a sub-IFD pointer
        var subIFD: [Entry]?
    }

    /// `source` holds a TIFF header at `base`. Returns nil when there is no valid TIFF header or IFD0.
    static func repack(_ source: some RandomAccessBytes, base: Int = 0) -> [UInt8]? {
        guard let header = source.bytes(at: base, count: 8) else { return nil }
        let bigEndian: Bool
        switch (header[0], header[1]) {
        case (0x4D, 0x4D): bigEndian = true
        case (0x49, 0x49): bigEndian = false
        default: return nil
        }
        guard source.uint16(at: base + 2, bigEndian: bigEndian) == 42,
            let ifd0Offset = source.uint32(at: base + 4, bigEndian: bigEndian)
        else { return nil }

        var visited = Set<Int>()
        func readIFD(at offset: Int, depth: Int) -> [Entry]? {
            guard depth < 3, !visited.contains(offset), let count = source.uint16(at: base + offset, bigEndian: bigEndian),
                count <= maximumEntriesPerIFD
            else { return nil }
            visited.insert(offset)
            var entries: [Entry] = []
            for index in 0..<count {
                let at = base + offset + 2 + 12 * index
                guard let raw = source.bytes(at: at, count: 12) else { break }
                let field = InMemoryBytes(storage: raw)
                let tag = field.uint16(at: 0, bigEndian: bigEndian)!
                let type = field.uint16(at: 2, bigEndian: bigEndian)!
                let count = field.uint32(at: 4, bigEndian: bigEndian)!
                if droppedTags.contains(tag) { continue }
                if tag == exifIFDPointer || tag == gpsIFDPointer {
                    if depth == 0, let pointer = field.uint32(at: 8, bigEndian: bigEndian),
                        let child = readIFD(at: pointer, depth: depth + 1)
                    {
                        entries.append(Entry(tag: tag, type: 4, count: 1, value: [], subIFD: child))
                    }
                    continue
                }
                guard let size = typeSizes[type].map({ $0 * count }), size > 0, size <= maximumValueSize else { continue }
                let value: [UInt8]?
                if size <= 4 {
                    value = Array(raw[8..<8 + size])
                } else if let pointer = field.uint32(at: 8, bigEndian: bigEndian) {
                    value = source.bytes(at: base + pointer, count: size)
                } else {
                    value = nil
                }
                guard let value else { continue }
                entries.append(Entry(tag: tag, type: type, count: count, value: value, subIFD: nil))
            }
            return entries.sorted { $0.tag < $1.tag }
        }
        guard let ifd0 = readIFD(at: ifd0Offset, depth: 0) else { return nil }

        var output: [UInt8] = Array(header[0..<4])
        func put16(_ value: Int, at index: Int) {
            let b = [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            output.replaceSubrange(index..<index + 2, with: bigEndian ? b : b.reversed())
        }
        func put32(_ value: Int, at index: Int) {
            let b = [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
            output.replaceSubrange(index..<index + 4, with: bigEndian ? b : b.reversed())
        }
        output += [0, 0, 0, 0]
        put32(8, at: 4)

        func write(_ entries: [Entry]) -> Int {
            if output.count % 2 == 1 { output.append(0) }
            let start = output.count
            output += [UInt8](repeating: 0, count: 2 + 12 * entries.count + 4)
            put16(entries.count, at: start)
            for (index, entry) in entries.enumerated() {
                let at = start + 2 + 12 * index
                put16(entry.tag, at: at)
                put16(entry.type, at: at + 2)
                put32(entry.count, at: at + 4)
                if let child = entry.subIFD {
                    put32(write(child), at: at + 8)
                } else if entry.value.count <= 4 {
                    output.replaceSubrange(at + 8..<at + 8 + entry.value.count, with: entry.value)
                } else {
                    if output.count % 2 == 1 { output.append(0) }
                    put32(output.count, at: at + 8)
                    output += entry.value
                }
            }
            return start
        }
        _ = write(ifd0)
        return output
    }
}
