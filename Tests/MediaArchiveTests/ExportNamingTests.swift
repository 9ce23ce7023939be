import Foundation
@testable import MediaArchive
import Testing
import MediaFacts

/// The names files get in a hand-over folder: readable, unique, and never a path.
struct ExportNamingTests {
    func entry(_ name: String, day: CalendarDay = CalendarDay(2021, 5, 23), object: String = "hualong/objects/ab/ab.mp4") -> CatalogEntry {
        CatalogEntry(sha256: SHA256Hash(hex: String(repeating: "ab", count: 32))!, county: "hualong", kind: .video, originalNames: [name],
                     bytes: 1, format: nil, object: object, thumbnail: nil, ingestedAt: "2021-05-23T10:00:00+08:00",
                     capturedAt: nil, capturedAtSource: .none, durationSeconds: nil, verdict: .pass, reasons: [],
                     warnings: [], camera: nil, gps: nil, title: nil, description: nil, width: nil, height: nil,
                     day: day, schemaVersion: 1)
    }

    func name(_ original: String, object: String = "hualong/objects/ab/ab.mp4") -> String {
        var naming = ExportNaming()
        return naming.name(for: entry(original, object: object))
    }

    @Test func dayThenOriginalName() {
        #expect(name("科技周开幕式.mp4") == "2021-05-23 科技周开幕式.mp4")
        #expect(name("IMG_0001.JPG", object: "h/objects/ab/ab.jpg") == "2021-05-23 IMG_0001.JPG")
        #expect(name("scan.jpeg", object: "h/objects/ab/ab.jpg") == "2021-05-23 scan.jpeg")
    }

    @Test func theDetectedFormatDecidesTheExtension() {
        // A JPEG handed in as .mp4 is exported as what it is.
        #expect(name("活动照片.mp4", object: "h/objects/ab/ab.jpg") == "2021-05-23 活动照片.jpg")
        #expect(name("开幕式", object: "h/objects/ab/ab.mp4") == "2021-05-23 开幕式.mp4")
        // A dot that is part of the name stays, and the extension is added.
        #expect(name("讲座 v1.2", object: "h/objects/ab/ab.mp4") == "2021-05-23 讲座 v1.2.mp4")
        #expect(name("video.exe", object: "h/objects/ab/ab.mp4") == "2021-05-23 video.exe.mp4")
    }

    @Test func sameDayAndNameAreNumbered() {
        var naming = ExportNaming()
        #expect(naming.name(for: entry("开幕式.mp4")) == "2021-05-23 开幕式.mp4")
        #expect(naming.name(for: entry("开幕式.mp4")) == "2021-05-23 开幕式 (2).mp4")
        // Case-insensitive file systems (exFAT sticks, Windows, macOS) would merge these.
        #expect(naming.name(for: entry("开幕式.MP4")) == "2021-05-23 开幕式 (3).MP4")
        #expect(naming.name(for: entry("开幕式.mp4", day: CalendarDay(2021, 5, 24))) == "2021-05-24 开幕式.mp4")
    }

    @Test func unicodeNormalisationDoesNotHideACollision() {
        var naming = ExportNaming()
        let composed = naming.name(for: entry("caf\u{E9}.mp4"))
        let decomposed = naming.name(for: entry("cafe\u{301}.mp4"))
        #expect(composed == "2021-05-23 café.mp4")
        #expect(decomposed == "2021-05-23 café (2).mp4")
    }

    @Test(arguments: ["../../etc/passwd", "/abs/path.mp4", "..\\..\\windows\\system.ini", "a\0b.mp4", "..", ".",
                      "...", "/", "line\nbreak.mp4", "tab\there.mp4", "\u{202E}4pm.exe", ".hidden.mp4",
                      "con:aux?*|<>\".mp4", "100%.mp4", "trailing dots....", "  spaced  .mp4", "a..b.mp4"])
    func hostileNamesBecomeOnePlainName(_ original: String) {
        let result = name(original)
        #expect(result.hasPrefix("2021-05-23 "))
        #expect(!result.contains("/") && !result.contains("\\") && !result.contains("\0") && !result.contains(".."))
        #expect(!result.unicodeScalars.contains { $0.value < 0x20 || (0x202A...0x202E).contains($0.value) })
        #expect(!result.contains { "<>:\"|?*%".contains($0) })
        #expect(!result.hasSuffix(".") && !result.hasSuffix(" "))
        #expect(result.hasSuffix(".mp4"))
        #expect(result.utf8.count <= ExportNaming.maxBytes)
    }

    @Test func pathsKeepTheirLastPartsReadable() {
        #expect(name("../../etc/passwd") == "2021-05-23 etc_passwd.mp4")
        #expect(name("/abs/path.mp4") == "2021-05-23 abs_path.mp4")
        #expect(name("a\0b.mp4") == "2021-05-23 ab.mp4")
        #expect(name(".hidden.mp4") == "2021-05-23 hidden.mp4")
        // Nothing left of the name: the start of the SHA-256 identifies the file.
        #expect(name("..") == "2021-05-23 abababababab.mp4")
    }

    @Test func longNamesAreShortenedKeepingTheExtensionAndWholeCharacters() {
        let long = String(repeating: "科", count: 300) + ".mp4"
        var naming = ExportNaming()
        let first = naming.name(for: entry(long))
        let second = naming.name(for: entry(long))
        for result in [first, second] {
            #expect(result.utf8.count <= ExportNaming.maxBytes)
            #expect(result.hasPrefix("2021-05-23 科科"))
            #expect(result.unicodeScalars.allSatisfy { $0 != "\u{FFFD}" })
        }
        #expect(first.hasSuffix("科.mp4"))
        #expect(second.hasSuffix("科 (2).mp4"))
        #expect(first != second)

        let ascii = String(repeating: "x", count: 300) + ".mp4"
        #expect(name(ascii).utf8.count == ExportNaming.maxBytes)
    }
}
