import Testing

@testable import Exif

@Suite("TIFFMetadataRepacker")
struct TIFFMetadataRepackerTests {
    /// A little-endian TIFF whose IFD0 sits after 70,000 bytes of "pixels", as scanners and
    /// editors write them: Make (out of line), Orientation 8, and an EXIF IFD with DateTimeOriginal.
    private func tiffWithLateIFD() -> [UInt8] {
        var bytes: [UInt8] = []
        func u16(_ v: Int) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24 & 0xFF)] }
        let pixels = 70_000
        let ifd0 = 8 + pixels
        let make = Array("Epson Scanner\0".utf8)
        let date = Array("2021:05:26 11:22:33\0".utf8)
        let makeAt = ifd0 + 2 + 3 * 12 + 4
        let exifIFD = makeAt + make.count
        let dateAt = exifIFD + 2 + 12 + 4
        bytes += Array("II".utf8); u16(42); u32(ifd0)
        bytes += [UInt8](repeating: 0x7F, count: pixels)
        u16(3)
        u16(0x010F); u16(2); u32(make.count); u32(makeAt)
        u16(0x0112); u16(3); u32(1); u16(8); u16(0)
        u16(0x8769); u16(4); u32(1); u32(exifIFD)
        u32(0)
        bytes += make
        u16(1)
        u16(0x9003); u16(2); u32(date.count); u32(dateAt)
        u32(0)
        bytes += date
        return bytes
    }

    @Test("IFDs beyond libexif's 64 KiB window are read after repacking")
    func lateIFD() throws {
        let tiff = tiffWithLateIFD()
        // Handed over as is, libexif stops at 64 KiB and sees nothing.
        let direct = try #require(ExifDataHandle(exifPayload: ExifBlockFinder.exifHeader + tiff))
        #expect(direct.tags.isEmpty)

        let payload = try #require(ExifBlockFinder.tiffFile(InMemoryBytes(storage: tiff)).payload)
        #expect(payload.count < 200)
        let metadata = PhotoMetadata(tags: try #require(ExifDataHandle(exifPayload: payload)).tags)
        #expect(metadata.make == "Epson Scanner")
        #expect(metadata.orientation == 8)
        #expect(metadata.captureStamp(assumingOffset: 8 * 3600) == "2021-05-26T11:22:33+08:00")
    }

    @Test("A TIFF header pointing nowhere gives no block instead of a crash")
    func brokenHeader() {
        var tiff = tiffWithLateIFD()
        tiff.replaceSubrange(4..<8, with: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(TIFFMetadataRepacker.repack(InMemoryBytes(storage: tiff)) == nil)
        #expect(TIFFMetadataRepacker.repack(InMemoryBytes(storage: Array(tiff.prefix(6)))) == nil)
    }

    @Test("An EXIF IFD pointing back at IFD0 does not loop")
    func selfReference() throws {
        var tiff = tiffWithLateIFD()
        let ifd0 = 8 + 70_000
        // Third entry of IFD0 is the ExifIFD pointer: point it at IFD0 itself.
        let valueAt = ifd0 + 2 + 2 * 12 + 8
        tiff.replaceSubrange(valueAt..<valueAt + 4, with: [UInt8(ifd0 & 0xFF), UInt8(ifd0 >> 8 & 0xFF), UInt8(ifd0 >> 16 & 0xFF), 0])
        let packed = try #require(TIFFMetadataRepacker.repack(InMemoryBytes(storage: tiff)))
        let metadata = PhotoMetadata(tags: try #require(ExifDataHandle(exifPayload: ExifBlockFinder.exifHeader + packed)).tags)
        #expect(metadata.make == "Epson Scanner")
        #expect(metadata.captureStamp(assumingOffset: 0) == nil)
    }
}
