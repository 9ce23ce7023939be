import Testing

@testable import Exif

@Suite("ExifBlockFinder")
struct ExifBlockFinderTests {
    /// A big-endian TIFF block: IFD0 with Make and an EXIF IFD holding an 8-byte MakerNote.
    private func tiffWithMakerNote() -> [UInt8] {
        var b: [UInt8] = []
        func u16(_ v: Int) { b += [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) { b += [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        b += Array("MM".utf8); u16(42); u32(8)
        let exifIFD = 8 + 2 + 2 * 12 + 4
        u16(2)
        u16(0x010F); u16(2); u32(4); b += Array("Sony".utf8)
        u16(0x8769); u16(4); u32(1); u32(exifIFD)
        u32(0)
        u16(1)
        u16(0x927C); u16(7); u32(8); u32(exifIFD + 2 + 12 + 4)
        u32(0)
        b += Array("SONY DSC".utf8)
        return b
    }

    @Test("The MakerNote is renumbered so libexif never parses it; everything else is untouched")
    func hidesMakerNote() throws {
        let payload = ExifBlockFinder.exifHeader + tiffWithMakerNote()
        let hidden = ExifBlockFinder.hidingMakerNote(payload)
        #expect(hidden.count == payload.count)
        let tags = try #require(ExifDataHandle(exifPayload: hidden)).tags
        #expect(tags.entry(0x927C, in: .exif) == nil)
        #expect(tags.entry(ExifBlockFinder.hiddenMakerNoteTag, in: .exif)?.bytes == Array("SONY DSC".utf8))
        #expect(tags.text(PhotoMetadata.Tag.make, in: .primary) == "Sony")
        // Without hiding, libexif sees the maker note.
        #expect(try #require(ExifDataHandle(exifPayload: payload)).tags.entry(0x927C, in: .exif) != nil)
    }

    @Test("HEIF Exif items: the stated offset is honoured, and a wrong one is recovered from")
    func heifExifItem() throws {
        let tiff = tiffWithMakerNote()
        let standard = [0, 0, 0, 6] + ExifBlockFinder.exifHeader + tiff  // offset skips "Exif\0\0"
        #expect(ExifBlockFinder.fromHEIFExifItem(standard).payload == ExifBlockFinder.exifHeader + tiff)
        let bare = [0, 0, 0, 0] + tiff
        #expect(ExifBlockFinder.fromHEIFExifItem(bare).payload == ExifBlockFinder.exifHeader + tiff)
        let wrongOffset = [0, 0, 0, 0] + ExifBlockFinder.exifHeader + tiff
        #expect(ExifBlockFinder.fromHEIFExifItem(wrongOffset).payload == ExifBlockFinder.exifHeader + tiff)
        let garbage = ExifBlockFinder.fromHEIFExifItem([0, 0, 0, 0] + [UInt8](repeating: 0x55, count: 40))
        #expect(garbage.payload == nil)
        #expect(garbage.warnings == [ExifBlockFinder.damagedWarning])
    }

    @Test("PNG eXIf and WebP EXIF chunks are found")
    func pngAndWebP() {
        let tiff = tiffWithMakerNote()
        func be32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func le32(_ v: Int) -> [UInt8] { be32(v).reversed() }
        let ihdr = be32(13) + Array("IHDR".utf8) + [UInt8](repeating: 0, count: 13) + [0, 0, 0, 0]
        let exif = be32(tiff.count) + Array("eXIf".utf8) + tiff + [0, 0, 0, 0]
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + ihdr + exif + be32(0) + Array("IEND".utf8) + [0, 0, 0, 0]
        #expect(ExifBlockFinder.png(InMemoryBytes(storage: png)).payload == ExifBlockFinder.exifHeader + tiff)

        let vp8x = Array("VP8X".utf8) + le32(10) + [UInt8](repeating: 0, count: 10)
        let body = ExifBlockFinder.exifHeader + tiff  // some writers keep the JPEG identifier
        let chunk = Array("EXIF".utf8) + le32(body.count) + body + (body.count % 2 == 1 ? [0] : [])
        let webp = Array("RIFF".utf8) + le32(4 + vp8x.count + chunk.count) + Array("WEBP".utf8) + vp8x + chunk
        #expect(ExifBlockFinder.webp(InMemoryBytes(storage: webp)).payload == ExifBlockFinder.exifHeader + tiff)
    }

    @Test("A JPEG with only JFIF and XMP segments has no EXIF payload and no warning")
    func jpegWithoutExifSegment() throws {
        let found = ExifBlockFinder.jpeg(try PhotoFile(path: Fixtures.photo("no-exif.jpg")))
        #expect(found.payload == nil)
        #expect(found.warnings.isEmpty)
    }
}
