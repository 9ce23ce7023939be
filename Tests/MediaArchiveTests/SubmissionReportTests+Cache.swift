import Foundation
@testable import MediaArchive
import Testing
import TestSupport

/// The gallery's front page keeps each day's tally (`ReportCache`) and reads a day again only
/// when the catalogue has changed it.
extension SubmissionReportTests {
    /// Backdates every day folder, as if the catalogue had last changed an hour ago: a day
    /// changed in the last seconds is never kept.
    static func settle(_ archive: TestArchive) throws {
        let hourAgo = Date().addingTimeInterval(-3600)
        let enumerator = FileManager.default.enumerator(at: archive.root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent == "days" {
                try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: url.path)
            }
        }
    }

    func dayShards(_ archive: TestArchive, county: String) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: archive.root.appendingPathComponent("\(county)/index/days"),
                                                        includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "json" }
    }

    @Test func aKeptDayIsAnsweredWithoutReadingIt() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4"), ("summary.pdf", "b.pdf")], county: "hualong")
        try Self.settle(archive)
        let cache = ReportCache()
        let cached = SubmissionReport(settings: archive.settings, cache: cache)
        #expect(try cached.counties() == report(archive))
        #expect(cache.keptDays >= 1)

        // Emptied in place (no rename, the folder's time unchanged): the kept tally still
        // answers, which shows the day was not read again. Without the cache it is read.
        for shard in dayShards(archive, county: "hualong") {
            let handle = try FileHandle(forWritingTo: shard)
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data("[]\n".utf8))
            try handle.close()
        }
        #expect(try cached.counties()[0].items == 2)
        #expect(try report(archive)[0].items == 0)
    }

    @Test func aDayTheCatalogueChangesIsReadAgain() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4")], county: "hualong")
        try Self.settle(archive)
        let cache = ReportCache()
        let cached = SubmissionReport(settings: archive.settings, cache: cache)
        #expect(try cached.counties()[0].items == 1)

        // The same day, through the catalogue (a shard replaced by rename).
        try archive.ingest([("clip-181s.mp4", "b.mp4")], county: "hualong")
        let after = try cached.counties()
        #expect(after[0].items == 2 && after[0].failing == 1)
        #expect(after == (try report(archive)))
    }

    @Test func aDayChangedJustNowIsNotKept() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4")], county: "hualong")
        let cache = ReportCache()
        _ = try SubmissionReport(settings: archive.settings, cache: cache).counties()
        #expect(cache.keptDays == 0)
    }
}
