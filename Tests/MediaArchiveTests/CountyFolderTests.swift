import Foundation
import Testing
@testable import MediaArchive

/// Nothing a county or a catalogue entry says can point outside the archive root.
struct CountyFolderTests {
    let folder = try! CountyFolder(root: URL(fileURLWithPath: "/srv/archive"), county: CountyRegistry.puyang.counties[0])

    @Test func objectsAreNamedByTheirHash() {
        let sha = SHA256Hash(hex: String(repeating: "ab", count: 32))!
        #expect(folder.objectPath(sha256: sha, extension: "mp4") == "hualong/objects/ab/\(sha).mp4")
        #expect(folder.thumbnailPath(sha256: sha) == "hualong/thumbs/ab/\(sha).jpg")
        #expect(folder.dayShard(CalendarDay(2021, 5, 23), sha256: sha).path == "/srv/archive/hualong/index/days/2021/2021-05-23/a.json")
    }

    @Test(arguments: ["hualong/../../etc/passwd", "/etc/passwd", "qingfeng/objects/x.mp4", "hualong//x", "hualong/a\0b", "hualong"])
    func recordedPathsCannotLeaveTheCounty(_ path: String) {
        #expect(throws: ArchiveError.self) { _ = try folder.resolve(path) }
    }

    @Test func anUnsafeSlugIsRefused() {
        #expect(throws: ArchiveError.self) {
            _ = try CountyFolder(root: URL(fileURLWithPath: "/srv/archive"), county: County(slug: "../x", name: "x"))
        }
    }
}
