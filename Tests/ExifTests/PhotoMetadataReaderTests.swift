import Testing
import Foundation

@testable import Exif

@Suite("PhotoMetadataReader on the committed fixtures")
struct PhotoMetadataReaderTests {
    @Test("Chinese XPTitle, XPComment and UserComment come out as written")
    func chineseText() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("chinese-gps.jpg"))
        #expect(metadata.title == "华龙区科技周开幕式")
        #expect(metadata.comment == "濮阳市华龙区 2021 科技活动周")
        #expect(metadata.description == "Opening ceremony")
        #expect(metadata.warnings.isEmpty)
    }

    @Test("A description written in GBK by an older Chinese camera reads as Chinese, and is the title")
    func gbkDescription() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("gbk-description.jpg"))
        #expect(metadata.description == "华龙区科技周开幕式")
        #expect(metadata.title == "华龙区科技周开幕式")
        #expect(metadata.make == "Canon" && metadata.model == "Canon IXUS 220 HS")
    }

    @Test("UserComment in UNICODE is decoded in the block's byte order (little- and big-endian files)")
    func unicodeUserCommentBothByteOrders() throws {
        // chinese-gps.jpg is little-endian (II) but has an XPComment, so read the UserComment directly.
        let littleEndian = try exifTags(of: "chinese-gps.jpg")
        #expect(littleEndian.bigEndian == false)
        let comment = try #require(littleEndian.entry(PhotoMetadata.Tag.userComment, in: .exif))
        #expect(ExifText.userComment(comment.bytes, bigEndian: false) == "华龙区科技周开幕式")

        let bigEndian = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("with-exif.heic"))
        #expect(bigEndian.comment == "南乐县科普展")
    }

    @Test("Southern and western GPS are negative; altitude ref 1 means below sea level")
    func southWestGPS() throws {
        let gps = try #require(try PhotoMetadataReader.read(contentsOf: Fixtures.photo("chinese-gps.jpg")).position)
        #expect(abs(gps.latitude - -33.8688) < 1e-6)
        #expect(abs(gps.longitude - -151.2093) < 1e-6)
        #expect(gps.altitude == -12.5)
    }

    @Test("Make and Model lose the trailing padding cameras add")
    func paddedCameraNames() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("chinese-gps.jpg"))
        #expect(metadata.make == "Canon")
        #expect(metadata.model == "Canon EOS 5D Mark IV")
    }

    @Test("DateTimeOriginal without offset stays local; the policy's zone is applied on output")
    func captureTimeWithoutOffset() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("chinese-gps.jpg"))
        #expect(metadata.captureTimeTag == .dateTimeOriginal)
        #expect(metadata.captureTimes.first == ExifDateText(tag: .dateTimeOriginal, text: "2021:05:22 09:30:00"))
        // No offset written, no fraction: the assumed zone shows through, no milliseconds.
        #expect(metadata.captureStamp(assumingOffset: 8 * 3600) == "2021-05-22T09:30:00+08:00")
        #expect(metadata.captureStamp(assumingOffset: 0) == "2021-05-22T09:30:00+00:00")
    }

    @Test("Sub-seconds and OffsetTimeOriginal belong to DateTimeOriginal; orientation 6")
    func offsetAndSubseconds() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("offset-subsec.jpg"))
        #expect(metadata.captureTimeTag == .dateTimeOriginal)
        #expect(metadata.captureStamp(assumingOffset: 0) == "2021-05-23T10:15:30.120+08:00")
        #expect(metadata.orientation == 6)
        #expect(metadata.make == "HUAWEI")
        #expect(metadata.model == "ELE-AL00")
        #expect(metadata.pixelWidth == 64)
        #expect(metadata.pixelHeight == 48)
        #expect(metadata.position == nil)
    }

    @Test("An impossible DateTimeOriginal (0000:00:00) is absent; ModifyDate is used instead")
    func zeroDateFallsBack() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("zero-date.jpg"))
        #expect(metadata.captureTimeTag == .dateTime)
        #expect(metadata.captureStamp(assumingOffset: 8 * 3600) == "2021-05-24T16:45:05+08:00")
        #expect(metadata.comment == "plain ascii comment")
        #expect(metadata.title == nil)
    }

    @Test("HEIC: EXIF found through libheif's metadata item")
    func heic() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("with-exif.heic"))
        #expect(metadata.make == "Apple")
        #expect(metadata.model == "iPhone 12")
        #expect(metadata.captureStamp(assumingOffset: 0) == "2021-05-25T14:00:00+08:00")
        let gps = try #require(metadata.position)
        #expect(abs(gps.latitude - 35.7619) < 1e-6)
        #expect(abs(gps.longitude - 115.0292) < 1e-6)
        #expect(gps.altitude == 52)
        #expect(metadata.warnings.isEmpty)
    }

    @Test("A JPEG without EXIF gives empty metadata, not an error")
    func jpegWithoutExif() throws {
        let metadata = try PhotoMetadataReader.read(contentsOf: Fixtures.photo("no-exif.jpg"))
        #expect(metadata.isEmpty)
        #expect(metadata.warnings.isEmpty)
        #expect(metadata == PhotoMetadata())
    }

    @Test("A missing file throws fileNotFound naming the path")
    func missingFile() {
        let path = Fixtures.photo("does-not-exist.jpg")
        #expect {
            try PhotoMetadataReader.read(contentsOf: path)
        } throws: { error in
            guard let error = error as? ExifError else { return false }
            return error.code == ExifError.fileNotFound && error.path == path
                && error.description.contains("does-not-exist.jpg")
        }
    }

    @Test("A text file named .jpg throws notAPhoto")
    func textFile() {
        #expect {
            try PhotoMetadataReader.read(contentsOf: Fixtures.photo("not-a-photo.jpg"))
        } throws: { error in
            switch error {
            case ExifError.notAPhoto: return true
            default: return false
            }
        }
    }

    @Test("A folder throws unreadable")
    func folder() {
        #expect {
            try PhotoMetadataReader.read(contentsOf: Fixtures.photos.path)
        } throws: { error in
            (error as? ExifError)?.code == ExifError.unreadable
        }
    }

    @Test("A JPEG cut off inside its EXIF block still reads what is there, with a warning")
    func truncatedExif() throws {
        let whole = try [UInt8](Data(contentsOf: Fixtures.photos.appendingPathComponent("offset-subsec.jpg")))
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("exif-cut-\(UInt32.random(in: 0...UInt32.max)).jpg")
        defer { try? FileManager.default.removeItem(at: cut) }
        try Data(whole.prefix(200)).write(to: cut)
        let metadata = try PhotoMetadataReader.read(contentsOf: cut.path)
        #expect(metadata.warnings == [ExifBlockFinder.damagedWarning])
    }

    @Test("An EXIF sub-IFD pointer past the end: camera still read, date missing, a warning says so")
    func brokenExifPointer() throws {
        var bytes = try [UInt8](Data(contentsOf: Fixtures.photos.appendingPathComponent("offset-subsec.jpg")))
        // offset-subsec.jpg is big-endian: ExifOffset is 87 69, type LONG (00 04), count 1, then the offset.
        let pattern: [UInt8] = [0x87, 0x69, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01]
        let at = try #require((0..<bytes.count - 12).first { bytes[$0..<$0 + 8].elementsEqual(pattern) })
        bytes.replaceSubrange(at + 8..<at + 12, with: [0x00, 0x00, 0xFF, 0x00])
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("exif-broken-\(UInt32.random(in: 0...UInt32.max)).jpg")
        defer { try? FileManager.default.removeItem(at: broken) }
        try Data(bytes).write(to: broken)

        let metadata = try PhotoMetadataReader.read(contentsOf: broken.path)
        #expect(metadata.make == "HUAWEI")
        #expect(metadata.orientation == 6)
        #expect(metadata.captureTimeTag == .dateTime)  // DateTimeOriginal lived in the lost sub-IFD
        #expect(metadata.warnings == [ExifBlockFinder.damagedWarning])
    }

    @Test("Many tasks reading at once get the same answers as one reading alone")
    func concurrentReads() async throws {
        let names = ["chinese-gps.jpg", "offset-subsec.jpg", "zero-date.jpg", "with-exif.heic", "no-exif.jpg"]
        let expected = try names.map { try PhotoMetadataReader.read(contentsOf: Fixtures.photo($0)) }
        let results = try await withThrowingTaskGroup(of: (Int, PhotoMetadata).self) { group in
            for round in 0..<200 {
                let index = round % names.count
                let path = Fixtures.photo(names[index])
                group.addTask { (index, try PhotoMetadataReader.read(contentsOf: path)) }
            }
            return try await group.reduce(into: [(Int, PhotoMetadata)]()) { $0.append($1) }
        }
        #expect(results.count == 200)
        for (index, metadata) in results { #expect(metadata == expected[index]) }
    }

    private func exifTags(of name: String) throws -> ExifTags {
        let file = try PhotoFile(path: Fixtures.photo(name))
        let payload = try #require(ExifBlockFinder.jpeg(file).payload)
        return try #require(ExifDataHandle(exifPayload: payload)).tags
    }
}
