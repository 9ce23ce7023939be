import Foundation
import Testing
import TestSupport
@testable import MediaArchive

struct VerifierTests {
    @Test func aFreshArchiveIsIntact() throws {
        let settings = try CatalogTests.populated()
        let report = try Verifier(settings: settings).verify(counties: [], repair: false)
        #expect(report.checked == 5 && report.ok == 5)
        #expect(!report.hasProblems)
    }

    @Test func corruptMissingAndOrphanedAreReported() throws {
        let settings = try CatalogTests.populated()
        let entries = try Catalog(settings: settings).search(CatalogQuery())
        // Flip a byte in one object, delete another, drop a stray object in.
        let corruptURL = settings.root.appendingPathComponent(entries[0].object!)
        var bytes = try Data(contentsOf: corruptURL)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: corruptURL)
        try FileManager.default.removeItem(at: settings.root.appendingPathComponent(entries[1].object!))
        let stray = try HashingCopy.sha256(of: Fixtures.media("clip-179.9s.mp4"))
        let orphan = settings.root.appendingPathComponent("qingfeng/objects/\(stray.bucket)/\(stray).mp4")
        try FileManager.default.createDirectory(at: orphan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.media("clip-179.9s.mp4"), toPath: orphan.path)

        let report = try Verifier(settings: settings).verify(counties: [], repair: false)
        #expect(report.corrupt == [entries[0].sha256.hex])
        #expect(report.missing == [entries[1].sha256.hex])
        #expect(report.orphaned == ["qingfeng/objects/\(stray.bucket)/\(stray).mp4"])
        #expect(report.hasProblems)
    }

    @Test func repairAdoptsOrphansAndDeletesNothing() throws {
        let settings = try CatalogTests.populated()
        let stray = try HashingCopy.sha256(of: Fixtures.media("iphone-tagged.mov"))
        let orphan = settings.root.appendingPathComponent("qingfeng/objects/\(stray.bucket)/\(stray).mov")
        try FileManager.default.createDirectory(at: orphan.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.media("iphone-tagged.mov"), toPath: orphan.path)

        let repaired = try Verifier(settings: settings).verify(counties: [IngesterTests.qingfeng], repair: true)
        #expect(repaired.adopted.count == 1)
        // The same video is also hualong's; the adopted entry is qingfeng's.
        let adopted = try #require(try Catalog(settings: settings).show(prefix: stray.abbreviated).first { $0.county == "qingfeng" })
        #expect(adopted.capturedAt == "2021-05-23T10:15:30+08:00") // re-probed
        #expect(adopted.warnings.contains { $0.contains("adopted by verify --repair") })
        #expect(adopted.warnings(in: .zh).contains(Message.adoptedWithoutName.text(in: .zh)), "adopted entries keep Chinese too")
        #expect(FileManager.default.fileExists(atPath: orphan.path))
        #expect(try !Verifier(settings: settings).verify(counties: [], repair: false).hasProblems)
    }

    @Test func lostThumbnailsAreReportedAndRemade() throws {
        let settings = try CatalogTests.populated()
        let entry = try #require(try Catalog(settings: settings).search(CatalogQuery()).first { $0.thumbnail != nil })
        let thumbnail = settings.root.appendingPathComponent(entry.thumbnail!)
        try FileManager.default.removeItem(at: thumbnail)
        #expect(try Verifier(settings: settings).verify(counties: [], repair: false).danglingThumbnails == [entry.thumbnail!])
        let repaired = try Verifier(settings: settings).verify(counties: [], repair: true)
        #expect(repaired.thumbnailsRemade == [entry.thumbnail!])
        #expect(FileManager.default.fileExists(atPath: thumbnail.path))
    }
}
