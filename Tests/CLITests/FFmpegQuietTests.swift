import Foundation
import Testing
import TestSupport

/// FFmpeg's own log lines ("[swscaler @ 0x…] deprecated pixel format used") never reach the
/// tool's output: a JPEG's yuvj420p is exactly what makes swscale complain.
struct FFmpegQuietTests {
    @Test func thumbnailsAndInspectPrintNoFFmpegLogLines() throws {
        let folder = try Fixtures.temporaryFolder()
        let photo = Fixtures.folder.appendingPathComponent("orientation/exif-6.jpg").path
        let video = Fixtures.folder.appendingPathComponent("orientation/rotated-90.mp4").path
        let thumbnails = try CommandRunner.run(["thumbnail", photo, video, "--to", folder.path])
        let inspected = try CommandRunner.run(["inspect", photo, video])
        for output in [thumbnails, inspected] {
            #expect(output.status == 0)
            #expect(!output.stdout.contains("@ 0x") && !output.stderr.contains("@ 0x"))
        }
    }

    @Test func inspectShowsStoredAndDisplayedSizes() throws {
        let photo = Fixtures.folder.appendingPathComponent("orientation/exif-6.jpg").path
        let output = try CommandRunner.run(["inspect", "--json", photo])
        let results = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(results.first?["width"] as? Int == 48)
        #expect(results.first?["height"] as? Int == 64)
        #expect(results.first?["displayWidth"] as? Int == 64)
        #expect(results.first?["displayHeight"] as? Int == 48)
    }
}

extension FFmpegQuietTests {
    /// A HEIC's thumbnail is decoded by libheif and reaches swscale without FFmpeg opening a file.
    @Test func aHEICThumbnailPrintsNoFFmpegLogLines() throws {
        let folder = try Fixtures.temporaryFolder()
        let heic = Fixtures.folder.appendingPathComponent("orientation/orientation-6.heic").path
        let output = try CommandRunner.run(["thumbnail", heic, "--to", folder.path])
        #expect(output.status == 0)
        #expect(!output.stderr.contains("swscaler"))
    }
}
