import Foundation
import Testing
import TestSupport

/// An archive written by the code before message codes (schema 2: Tests/Fixtures/archive-v2,
/// made by its script with b3bfa74's binary; it holds a failing video, a rotated video, a HEIF
/// that libheif refuses, a document and a link) reads and shows exactly as that binary showed
/// it, in English and in Chinese: tables byte for byte, JSON key for key.
struct ArchiveV2Tests {
    let fixture = OldArchiveFixture("archive-v2", placedWhenRead: false)

    @Test(arguments: OldArchiveFixture.languages)
    func searchShowsTheSchema2EntriesAsBefore(language: String, tag: String) throws {
        try fixture.expectSearchAsRecorded(language: language, tag: tag)
    }

    @Test(arguments: OldArchiveFixture.languages)
    func showShowsEverySchema2EntryAsBefore(language: String, tag: String) throws {
        try fixture.expectEveryShowAsRecorded(language: language, tag: tag, minimum: 9)
    }

    /// A new name for stored bytes rewrites the old entry's day file: the old entry stays as it
    /// was written (schema 2, its sentences), only with the name added.
    @Test func aDuplicateLeavesTheSchema2EntryAsItWas() throws {
        let archive = try fixture.archiveCopy()
        let shard = try FileManager.default.subpathsOfDirectory(atPath: archive.appendingPathComponent("qingfeng/index/days").path)
            .filter { $0.hasSuffix(".json") }
            .map { archive.appendingPathComponent("qingfeng/index/days").appendingPathComponent($0) }
            .first { (try? String(contentsOf: $0, encoding: .utf8))?.contains("photo-again.jpg") ?? false }
        let before = try String(contentsOf: #require(shard), encoding: .utf8)
        let work = try Fixtures.temporaryFolder("archive-v2-duplicate")
        let copy = work.appendingPathComponent("photo-third.jpg")
        try FileManager.default.copyItem(at: Fixtures.folder.appendingPathComponent("media/photo.jpg"), to: copy)
        _ = try CommandRunner.run(["ingest", "--county", "qingfeng", copy.path, "--archive", archive.path])
        let after = try String(contentsOf: #require(shard), encoding: .utf8)
        #expect(after == before.replacingOccurrences(of: "\"photo-again.jpg\"]", with: "\"photo-again.jpg\",\"photo-third.jpg\"]"))
    }
}
