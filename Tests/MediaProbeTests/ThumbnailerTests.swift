import Foundation
import Testing
import TestSupport
@testable import MediaProbe

struct ThumbnailerTests {
    @Test func aRotatedPhoneClipComesOutPortrait() throws {
        // Stored 96×54 landscape with a display matrix of -90: players show it 54×96.
        let picture = try Thumbnailer().picture(path: Fixtures.media("phone-rotated.mp4"))
        #expect(!picture.isStill)
        #expect(picture.image.width == 54 && picture.image.height == 96)
    }

    @Test func smallVideosAreNotEnlargedAndLargeOnesShrink() throws {
        let native = try Thumbnailer().picture(path: Fixtures.media("clip-179.9s.mp4")).image
        #expect(native.width == 64 && native.height == 36)
        let shrunk = try Thumbnailer(longEdge: 32).picture(path: Fixtures.media("clip-179.9s.mp4")).image
        #expect(shrunk.width == 32 && shrunk.height == 18)
        #expect(shrunk.meanBrightness > Thumbnailer.nearBlack)
    }

    @Test(arguments: ["pipe.webm", "pipe.mkv", "offset.ts", "hevc.mov", "sample.avi", "sample.3gp", "sample.flv"])
    func everyContainerGivesAFrame(_ name: String) throws {
        let picture = try Thumbnailer().picture(path: Fixtures.media(name))
        #expect(picture.image.width > 0 && picture.image.height > 0)
        #expect(picture.image.meanBrightness > Thumbnailer.nearBlack)
    }

    @Test func aBlackOpeningIsSkipped() throws {
        // Black for the first 4 of 10 s: 10% and 30% in are black, so the frame comes from 50%.
        let picture = try Thumbnailer().picture(path: Fixtures.media("black-start.mp4"))
        #expect(picture.image.meanBrightness > Thumbnailer.nearBlack)
    }

    @Test func anOddSizedSmallJPEGIsThumbnailedIntact() throws {
        let picture = try Thumbnailer().picture(path: Fixtures.media("odd-59x101.jpg"))
        #expect(picture.image.width == 59 && picture.image.height == 101, "\(picture.image.width)x\(picture.image.height)")
        let jpeg = try JPEGEncoder().encode(picture.image)
        #expect(jpeg.starts(with: [0xFF, 0xD8]))
        #expect(try picture.image.scaled(toLongEdge: 50).height == 50)
    }

    @Test func aPhotoIsAStillPicture() throws {
        let picture = try Thumbnailer().picture(path: Fixtures.media("photo-named-video.mp4"))
        #expect(picture.isStill)
        #expect(picture.image.width == 64 && picture.image.height == 48)
    }

    @Test func picturesOverThePixelBudgetAreRefusedBeforeDecoding() {
        #expect {
            _ = try Thumbnailer(pixelBudget: 1000).picture(path: Fixtures.media("photo.jpg"))
        } throws: { error in
            guard case PictureError.tooManyPixels(64, 48, 1000) = error else { return false }
            return "\(error)".contains("64x48")
        }
    }

    @Test func soundOnlyHasNoPicture() {
        #expect {
            _ = try Thumbnailer().picture(path: Fixtures.media("audio-only.mp4"))
        } throws: { error in
            if case PictureError.noPicture = error { return true }
            return false
        }
    }

    @Test func theJPEGEncoderWritesAJPEGThatDecodesToTheSameSize() throws {
        let frame = try Thumbnailer().picture(path: Fixtures.media("phone-rotated.mp4")).image
        let jpeg = try JPEGEncoder().encode(frame)
        #expect(jpeg.starts(with: [0xFF, 0xD8, 0xFF]))
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("thumb.jpg")
        try jpeg.write(to: file)
        let decoded = try Thumbnailer().picture(path: file.path)
        #expect(decoded.isStill)
        #expect(decoded.image.width == 54 && decoded.image.height == 96)
        // Colours survive within JPEG's error.
        let original = frame.pixel(x: 27, y: 48), roundTripped = decoded.image.pixel(x: 27, y: 48)
        #expect(abs(Int(original.red) - Int(roundTripped.red)) < 40)
    }
}
