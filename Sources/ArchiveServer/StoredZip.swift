import Foundation
import Hummingbird
import NIOCore
import ZIPFoundation

/// A zip of a folder's files, written into a response while the files are read — never a file
/// held in memory whole, never the zip on disk.
///
/// How it streams: every entry is *stored* (method 0, no compression: the payload is video and
/// photos, which do not shrink), so each entry's size is its file's size and every offset, and
/// the whole length (`Content-Length`), is known before the first byte is sent. Only the CRC-32
/// is not: each local header sets general-purpose bit 3, and a data descriptor after the
/// file's bytes carries the CRC computed while they were sent; the central directory at the end
/// repeats it. Files are read in `chunkSize` pieces on NIO's thread pool. Past 4 GiB (a file or
/// an offset) the entry gets ZIP64 fields, as Windows' Explorer, macOS and Python read them.
/// Names are UTF-8 (bit 11) so Chinese names open as written.
struct StoredZip: Sendable {
    struct Entry: Sendable {
        /// The path inside the zip ("移交/data/2021-05-23 开幕式.mp4").
        var name: String
        var file: URL
        var size: Int64
        /// Where its local header starts.
        var offset: Int64 = 0
    }

    private(set) var entries: [Entry]
    /// Every byte the zip has, known before it is written.
    private(set) var length: Int64 = 0
    private let centralStart: Int64
    private let centralLength: Int64
    /// DOS date and time of every entry (the moment the zip was made, local to the archive).
    private let stamp: (time: UInt16, date: UInt16)
    var chunkSize = 1 << 20

    /// The regular files under `folder`, by path, inside a top folder `top` in the zip.
    init(folder: URL, top: String, madeAt date: Date, zone: TimeZone) throws {
        let root = folder.standardizedFileURL
        var found: [Entry] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) {
            for case let url as URL in walker {
                let values = try url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
                guard values.isRegularFile == true else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                found.append(Entry(name: "\(top)/\(relative)", file: url, size: Int64(values.fileSize ?? 0)))
            }
        }
        entries = found.sorted { $0.name < $1.name }
        stamp = Self.dosStamp(date, zone: zone)
        var offset: Int64 = 0
        for index in entries.indices {
            entries[index].offset = offset
            offset += Int64(Self.localHeader(entries[index], stamp: stamp).count) + entries[index].size
                + Int64(Self.dataDescriptor(crc: 0, entries[index]).count)
        }
        centralStart = offset
        var central: Int64 = 0
        for entry in entries { central += Int64(Self.centralHeader(entry, crc: 0, stamp: stamp).count) }
        centralLength = central
        length = centralStart + centralLength + Int64(Self.end(count: entries.count, centralStart: centralStart, centralLength: centralLength).count)
    }

    /// Sends the zip. A file that changed size since `init` stops the download with an error
    /// (the length sent would be wrong).
    func write(to writer: inout some ResponseBodyWriter) async throws {
        var crcs: [UInt32] = []
        for entry in entries {
            try await writer.write(ByteBuffer(bytes: Self.localHeader(entry, stamp: stamp)))
            let crc = try await send(entry, to: &writer)
            crcs.append(crc)
            try await writer.write(ByteBuffer(bytes: Self.dataDescriptor(crc: crc, entry)))
        }
        var central: [UInt8] = []
        for (entry, crc) in zip(entries, crcs) { central += Self.centralHeader(entry, crc: crc, stamp: stamp) }
        central += Self.end(count: entries.count, centralStart: centralStart, centralLength: centralLength)
        try await writer.write(ByteBuffer(bytes: central))
    }

    /// The file's bytes, piece by piece; returns their CRC-32.
    private func send(_ entry: Entry, to writer: inout some ResponseBodyWriter) async throws -> UInt32 {
        let handle = try FileHandle(forReadingFrom: entry.file)
        defer { try? handle.close() }
        var crc: UInt32 = 0
        var sent: Int64 = 0
        while true {
            let piece = try await BlockingWork.run(failing: "\(entry.name) could not be read for the zip") { [chunkSize, crc] () -> (Data, UInt32)? in
                guard let data = try handle.read(upToCount: chunkSize), !data.isEmpty else { return nil }
                return (data, data.crc32(checksum: crc))
            }
            guard let (data, next) = piece else { break }
            crc = next
            sent += Int64(data.count)
            guard sent <= entry.size else { break }
            try await writer.write(ByteBuffer(bytes: data))
        }
        guard sent == entry.size else {
            throw ServerError(status: .internalServerError, message: "\(entry.name) changed while it was being zipped")
        }
        return crc
    }

    // MARK: The records (PKWARE APPNOTE 6.3.9, §4.3)

    private static let over32 = Int64(UInt32.max)

    private static func needsZip64Size(_ entry: Entry) -> Bool { entry.size >= over32 }

    private static func localHeader(_ entry: Entry, stamp: (time: UInt16, date: UInt16)) -> [UInt8] {
        let name = Array(entry.name.utf8)
        // With bit 3 the CRC and sizes follow the data; a ZIP64 extra here says the descriptor's
        // sizes are 8 bytes.
        let extra: [UInt8] = needsZip64Size(entry) ? le16(1) + le16(16) + le64(0) + le64(0) : []
        let sizeField: UInt32 = needsZip64Size(entry) ? .max : 0
        return le32(0x0403_4B50) + le16(needsZip64Size(entry) ? 45 : 20) + le16(flags) + le16(0)
            + le16(stamp.time) + le16(stamp.date) + le32(0) + le32(sizeField) + le32(sizeField)
            + le16(UInt16(name.count)) + le16(UInt16(extra.count)) + name + extra
    }

    private static func dataDescriptor(crc: UInt32, _ entry: Entry) -> [UInt8] {
        if needsZip64Size(entry) {
            return le32(0x0807_4B50) + le32(crc) + le64(UInt64(entry.size)) + le64(UInt64(entry.size))
        }
        return le32(0x0807_4B50) + le32(crc) + le32(UInt32(entry.size)) + le32(UInt32(entry.size))
    }

    private static func centralHeader(_ entry: Entry, crc: UInt32, stamp: (time: UInt16, date: UInt16)) -> [UInt8] {
        let name = Array(entry.name.utf8)
        let bigSize = needsZip64Size(entry)
        let bigOffset = entry.offset >= over32
        var zip64: [UInt8] = []
        if bigSize { zip64 += le64(UInt64(entry.size)) + le64(UInt64(entry.size)) }
        if bigOffset { zip64 += le64(UInt64(entry.offset)) }
        let extra = zip64.isEmpty ? [] : le16(1) + le16(UInt16(zip64.count)) + zip64
        let size: UInt32 = bigSize ? .max : UInt32(entry.size)
        let needed: UInt16 = zip64.isEmpty ? 20 : 45
        return le32(0x0201_4B50) + le16(3 << 8 | 45) + le16(needed) + le16(flags) + le16(0)
            + le16(stamp.time) + le16(stamp.date) + le32(crc) + le32(size) + le32(size)
            + le16(UInt16(name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0)
            + le32(0o100644 << 16) + le32(bigOffset ? .max : UInt32(entry.offset)) + name + extra
    }

    /// The end of central directory record, preceded by the ZIP64 one and its locator when a
    /// count, size or offset does not fit its 16- or 32-bit field.
    private static func end(count: Int, centralStart: Int64, centralLength: Int64) -> [UInt8] {
        let needsZip64 = count >= 0xFFFF || centralStart >= over32 || centralLength >= over32
        var bytes: [UInt8] = []
        if needsZip64 {
            let zip64End = centralStart + centralLength
            bytes += le32(0x0606_4B50) + le64(44) + le16(3 << 8 | 45) + le16(45) + le32(0) + le32(0)
                + le64(UInt64(count)) + le64(UInt64(count)) + le64(UInt64(centralLength)) + le64(UInt64(centralStart))
            bytes += le32(0x0706_4B50) + le32(0) + le64(UInt64(zip64End)) + le32(1)
        }
        let count16 = UInt16(min(count, 0xFFFF))
        bytes += le32(0x0605_4B50) + le16(0) + le16(0) + le16(count16) + le16(count16)
            + le32(UInt32(min(centralLength, over32))) + le32(UInt32(min(centralStart, over32))) + le16(0)
        return bytes
    }

    /// Bit 3: CRC and sizes in a data descriptor; bit 11: names in UTF-8.
    private static let flags: UInt16 = 1 << 3 | 1 << 11

    private static func dosStamp(_ date: Date, zone: TimeZone) -> (time: UInt16, date: UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = max(0, (parts.year ?? 1980) - 1980)
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16(year << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, day)
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> ($0 * 8) & 0xFF) } }
    private static func le64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(value >> ($0 * 8) & 0xFF) } }
}
