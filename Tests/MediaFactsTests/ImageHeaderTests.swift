import Foundation
import Testing
import TestSupport
@testable import MediaFacts

/// Photo sizes from headers, without decoding: against the fixtures and against exiftool's
/// readings of the real camera files.
struct ImageHeaderTests {
    @Test(arguments: [("still-66x50.png", "png_pipe"), ("still-66x50.gif", "gif"),
                      ("still-66x50.bmp", "bmp_pipe"), ("still-66x50.webp", "webp_pipe")])
    func everyStillFormatGivesItsSize(name: String, format: String) throws {
        let header = try #require(ImageHeader.read(path: Fixtures.media(name)))
        #expect(header == ImageHeader(format: format, width: 66, height: 50))
    }

    @Test func anOddSizedJPEG() throws {
        #expect(ImageHeader.read(path: Fixtures.media("odd-59x101.jpg")) == ImageHeader(format: "jpeg_pipe", width: 59, height: 101))
    }

    @Test(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingNote)"), arguments: [
        ("photos/immich/formats/jxl/8bit-sRGB.jxl", 1440, 1080),         // bare codestream
        ("photos/immich/formats/jxl/16bit-HDR-P3-nclx.jxl", 5667, 3685), // ISO-BMFF container, jxlp boxes
    ])
    func jpegXLSizesAgreeWithFFprobe(file: String, width: Int, height: Int) throws {
        // The sizes ffprobe reports after decoding them.
        let header = try #require(ImageHeader.read(path: Fixtures.corpus!.appendingPathComponent(file).path))
        #expect(header == ImageHeader(format: "jpegxl_pipe", width: width, height: height))
    }

    @Test(arguments: ["text.mp4", "random.mp4", "clip-179.9s.mp4", "empty.mp4"])
    func nonPicturesHaveNoHeader(_ name: String) {
        #expect(ImageHeader.read(path: Fixtures.media(name)) == nil)
    }

    @Test(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingNote)"))
    func sizesAgreeWithExiftoolOnTheCorpus() throws {
        struct Reading: Decodable {
            var SourceFile: String
            var ImageWidth: Int?
            var ImageHeight: Int?
            var FileType: String?
        }
        let corpus = try #require(Fixtures.corpus)
        let readings = try JSONDecoder().decode([Reading].self, from: Data(contentsOf: corpus.appendingPathComponent("oracle/photos-exif.json")))
        var compared = 0
        for reading in readings where ["JPEG", "PNG", "WEBP", "GIF", "BMP"].contains(reading.FileType ?? "") {
            guard let width = reading.ImageWidth, let height = reading.ImageHeight else { continue }
            let header = ImageHeader.read(path: corpus.appendingPathComponent(reading.SourceFile).path)
            #expect(header?.width == width && header?.height == height, "\(reading.SourceFile): \(String(describing: header)) vs \(width)x\(height)")
            compared += 1
        }
        #expect(compared > 100)
    }
}
