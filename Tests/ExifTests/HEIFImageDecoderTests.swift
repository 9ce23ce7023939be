import Foundation
import Testing

@testable import Exif

@Suite("HEIFImageDecoder")
struct HEIFImageDecoderTests {
    @Test("The fixture HEIC decodes to 64×48 packed RGB that looks like the test pattern")
    func decodesFixture() throws {
        let image = try HEIFImageDecoder.decodePrimaryImage(atPath: Fixtures.photo("with-exif.heic"), maximumPixelCount: 10_000)
        #expect(image.width == 64)
        #expect(image.height == 48)
        #expect(image.bytesPerRow == 64 * 3)
        #expect(image.rgb.count == 64 * 48 * 3)
        // testsrc2 is colourful: a blank or garbage-free all-zero buffer would mean nothing was decoded.
        #expect(Set(image.rgb).count > 50)
    }

    @Test("Images over the pixel budget are refused before decoding, with the size in the message")
    func pixelBudget() {
        #expect {
            try HEIFImageDecoder.decodePrimaryImage(atPath: Fixtures.photo("with-exif.heic"), maximumPixelCount: 64 * 48 - 1)
        } throws: { error in
            guard let error = error as? ExifError else { return false }
            return error.code == ExifError.imageTooLarge && error.message.contains("64×48")
        }
    }

    @Test("A JPEG is not a HEIF file: damagedContainer with libheif's words")
    func notHEIF() {
        #expect {
            try HEIFImageDecoder.decodePrimaryImage(atPath: Fixtures.photo("no-exif.jpg"), maximumPixelCount: 1 << 30)
        } throws: { error in
            guard let error = error as? ExifError else { return false }
            return error.code == ExifError.damagedContainer && error.libraryMessage != nil
        }
    }

    @Test("A missing file throws fileNotFound")
    func missing() {
        #expect {
            try HEIFImageDecoder.decodePrimaryImage(atPath: Fixtures.photo("nope.heic"), maximumPixelCount: 1 << 30)
        } throws: { error in
            (error as? ExifError)?.code == ExifError.fileNotFound
        }
    }

    // iPhone HEICs store sensor-oriented pixels plus an `irot` box (exiftool: Rotation 270,
    // Orientation 6); libheif applies it, so the 4032×3024 landscape grid comes out portrait.
    @Test(
        "A rotated iPhone HEIC comes out upright (portrait)",
        .enabled(if: Fixtures.hasCorpus, "the shared corpus (../shared/corpus) is not on this machine")
    )
    func rotatedComesOutUpright() throws {
        let path = Fixtures.corpus.appendingPathComponent("photos/exif-samples/heic/mobile/iphone_13_pro_max.HEIC").path
        let image = try HEIFImageDecoder.decodePrimaryImage(atPath: path, maximumPixelCount: 50_000_000)
        #expect(image.width == 3024)
        #expect(image.height == 4032)
    }
}
