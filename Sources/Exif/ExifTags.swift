/// The entries of one EXIF block, copied out of libexif's `ExifData` into plain values
/// so nothing borrowed from C outlives the `ExifDataHandle` that owns it.
struct ExifTags: Sendable {
    enum IFD: Hashable, Sendable, CaseIterable {
        /// IFD0: the main image (Make, Model, Orientation, DateTime, ImageDescription, XP tags).
        case primary
        /// The EXIF sub-IFD (DateTimeOriginal, SubSecTime…, OffsetTime…, UserComment, PixelXDimension).
        case exif
        /// The GPS sub-IFD.
        case gps
    }

    /// One entry: its EXIF format code (1 BYTE … 12 DOUBLE), component count and raw bytes
    /// in the block's byte order.
    struct Entry: Sendable, Equatable {
        var format: Int
        var components: Int
        var bytes: [UInt8]
    }

    var bigEndian: Bool
    var entries: [IFD: [Int: Entry]] = [:]

    var isEmpty: Bool { entries.values.allSatisfy(\.isEmpty) }

    func entry(_ tag: Int, in ifd: IFD) -> Entry? { entries[ifd]?[tag] }

    /// An ASCII (or, leniently, BYTE/UNDEFINED) field as text.
    func text(_ tag: Int, in ifd: IFD) -> String? {
        guard let entry = entry(tag, in: ifd), [1, 2, 7].contains(entry.format) else { return nil }
        return ExifText.ascii(entry.bytes)
    }

    /// The first value of an integer field (BYTE, SHORT, LONG and their signed forms).
    func integer(_ tag: Int, in ifd: IFD) -> Int? {
        guard let entry = entry(tag, in: ifd), entry.components >= 1 else { return nil }
        let b = entry.bytes
        switch entry.format {
        case 1, 7: return b.first.map(Int.init)
        case 6: return b.first.map { Int(Int8(bitPattern: $0)) }
        case 3: return b.count >= 2 ? word(b, 0, 2) : nil
        case 8: return b.count >= 2 ? Int(Int16(truncatingIfNeeded: word(b, 0, 2))) : nil
        case 4: return b.count >= 4 ? word(b, 0, 4) : nil
        case 9: return b.count >= 4 ? Int(Int32(truncatingIfNeeded: word(b, 0, 4))) : nil
        default: return nil
        }
    }

    /// RATIONAL or SRATIONAL values as doubles (Nokia phones write GPS as SRATIONAL);
    /// nil when any denominator is zero or the field has another format.
    func rationals(_ tag: Int, in ifd: IFD) -> [Double]? {
        guard let entry = entry(tag, in: ifd), entry.format == 5 || entry.format == 10 else { return nil }
        let count = min(entry.components, entry.bytes.count / 8)
        guard count > 0 else { return nil }
        var values: [Double] = []
        for index in 0..<count {
            var numerator = word(entry.bytes, index * 8, 4)
            var denominator = word(entry.bytes, index * 8 + 4, 4)
            if entry.format == 10 {
                numerator = Int(Int32(truncatingIfNeeded: numerator))
                denominator = Int(Int32(truncatingIfNeeded: denominator))
            }
            guard denominator != 0 else { return nil }
            values.append(Double(numerator) / Double(denominator))
        }
        return values
    }

    private func word(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> Int {
        let slice = bytes[offset..<offset + size]
        return (bigEndian ? Array(slice) : slice.reversed()).reduce(0) { $0 << 8 | Int($1) }
    }
}
