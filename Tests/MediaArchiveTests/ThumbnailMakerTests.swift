import Foundation
import Testing
import TestSupport
@testable import MediaArchive
import MediaFacts
@testable import MediaProbe

/// Thumbnails come out upright: each fixture in Tests/Fixtures/orientation stores a 64×48
/// picture (red, green / blue, white quadrants) turned some way, with metadata saying how to
/// turn it back. The written JPEG is decoded again and its shape and corners checked.
struct ThumbnailMakerTests {
    static func orientation(_ name: String) -> String {
        Fixtures.folder.appendingPathComponent("orientation").appendingPathComponent(name).path
    }

    /// Writes the thumbnail through the batch (as the command does) and decodes it again.
    static func writtenThumbnail(of path: String, longEdge: Int = 320) throws -> RGBImage {
        let folder = try Fixtures.temporaryFolder()
        let outcome = try #require(try ThumbnailBatch(maker: ThumbnailMaker(longEdge: longEdge)).run(paths: [path], to: folder).first)
        let written = try #require(outcome.thumbnail, "no thumbnail: \(outcome.error?.text(in: .en) ?? "")")
        return try Thumbnailer().picture(path: written).image
    }

    static func colourName(_ pixel: (red: UInt8, green: UInt8, blue: UInt8)) -> String {
        func high(_ value: UInt8) -> Bool { value > 200 }
        func low(_ value: UInt8) -> Bool { value < 60 }
        switch (pixel.red, pixel.green, pixel.blue) {
        case let (r, g, b) where high(r) && low(g) && low(b): return "red"
        case let (r, g, b) where low(r) && high(g) && low(b): return "green"
        case let (r, g, b) where low(r) && low(g) && high(b): return "blue"
        case let (r, g, b) where high(r) && high(g) && high(b): return "white"
        default: return "?(\(pixel.red),\(pixel.green),\(pixel.blue))"
        }
    }

    /// Corners sampled a few pixels in, away from JPEG's block edges.
    static func expectUpright(_ image: RGBImage, _ comment: Comment) {
        #expect(image.width == 64 && image.height == 48, comment)
        guard image.width == 64, image.height == 48 else { return }
        let inset = 4
        #expect(colourName(image.pixel(x: inset, y: inset)) == "red", comment)
        #expect(colourName(image.pixel(x: 63 - inset, y: inset)) == "green", comment)
        #expect(colourName(image.pixel(x: inset, y: 47 - inset)) == "blue", comment)
        #expect(colourName(image.pixel(x: 63 - inset, y: 47 - inset)) == "white", comment)
    }

    @Test(arguments: 1...8)
    func photosAreUprightForEveryEXIFOrientation(_ orientation: Int) throws {
        let image = try Self.writtenThumbnail(of: Self.orientation("exif-\(orientation).jpg"))
        Self.expectUpright(image, "EXIF orientation \(orientation)")
    }

    @Test(arguments: ["rotated-90.mp4", "rotated-180.mp4", "rotated-270.mp4"])
    func rotatedVideosAreUpright(_ name: String) throws {
        let image = try Self.writtenThumbnail(of: Self.orientation(name))
        Self.expectUpright(image, "\(name)")
    }

    @Test func aHEICIsTurnedByItsContainerRotation() throws {
        let image = try Self.writtenThumbnail(of: Self.orientation("orientation-6.heic"))
        Self.expectUpright(image, "orientation-6.heic (irot)")
    }

    @Test func theLongEdgeIsHonouredAndTheShapeKept() throws {
        let image = try Self.writtenThumbnail(of: Self.orientation("exif-6.jpg"), longEdge: 32)
        #expect(image.width == 32 && image.height == 24)
    }

    @Test func namesCollideIntoNumberedFilesNotOverwrites() {
        let names = ThumbnailBatch.uniqueNames(for: ["a/clip.mp4", "b/clip.mov", "c/CLIP.jpg", "../.hidden.mp4", "x/\u{1}bad.jpg"])
        #expect(names == ["clip.jpg", "clip-2.jpg", "CLIP-3.jpg", "hidden.jpg", "_bad.jpg"])
    }

    @Test func badFilesGetAReasonAndTheRestOfTheBatchIsWritten() throws {
        let folder = try Fixtures.temporaryFolder()
        let outcomes = try ThumbnailBatch(maker: ThumbnailMaker()).run(
            paths: [Fixtures.media("text.mp4"), Fixtures.media("clip-179.9s.mp4"), Fixtures.media("audio-only.mp4")], to: folder)
        #expect(outcomes[0].error?.text(in: .en).contains("text file") == true)
        #expect(outcomes[1].thumbnail != nil)
        #expect(outcomes[2].error?.text(in: .en).contains("no picture") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["clip-179.9s.jpg"])
    }
}
