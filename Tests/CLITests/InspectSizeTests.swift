import Foundation
import Testing
import TestSupport

/// Human `inspect` says the size a picture is stored in and, when a turn changes it, the size it
/// is shown in, in the reader's language.
struct InspectSizeTests {
    func inspect(_ path: String, language: String = "C") throws -> String {
        try CommandRunner.run(["inspect", path], environment: ["LANG": language]).stdout
    }

    @Test func aTurnedPhotoAndVideoSayBothSizes() throws {
        let photo = Fixtures.folder.appendingPathComponent("orientation/exif-6.jpg").path
        #expect(try inspect(photo).contains("48x64 stored, shown 64x48"))
        #expect(try inspect(photo, language: "zh_CN.UTF-8").contains("存储为 48x64，显示为 64x48"))
        #expect(try inspect(Fixtures.media("phone-rotated.mp4")).contains("96x54 stored, shown 54x96"))
        let heif = Fixtures.folder.appendingPathComponent("photos/refused-rotated.heic").path
        #expect(try inspect(heif).contains("64x64 stored, shown 64x48"))
    }

    @Test func anUnturnedPictureSaysOneSize() throws {
        let output = try inspect(Fixtures.folder.appendingPathComponent("photos/chinese-gps.jpg").path)
        #expect(output.contains("64x48") && !output.contains("shown"))
    }
}
