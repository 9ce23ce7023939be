import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// Finding a content's entries by SHA-256 (what marks, status and the item page do): only its
/// lines of the day shard are decoded, and a shard written otherwise still reads.
struct EntryLookupTests {
    @Test("Every entry of one content is found, among other entries of the day, and still when the shard is pretty-printed")
    func entriesOfOneContent() throws {
        let archive = try TestArchive()
        let settings = archive.settings
        let asPhoto = try HandInTests.ingest("photo.jpg", into: settings)
        _ = try HandInTests.ingest("photo.jpg", part: .mediaReport, into: settings)
        _ = try HandInTests.ingest("summary.pdf", as: "总结.pdf", into: settings)
        let sha256 = try #require(asPhoto.sha256)
        let catalog = CountyCatalog(folder: try CountyFolder(root: settings.root, county: HandInTests.nanle))
        let found = try catalog.entries(sha256: sha256)
        #expect(found.map(\.part) == [.photo, .mediaReport] && found.allSatisfy { $0.sha256 == sha256 })

        // As a person or another tool may leave it: one array, indented, keys in any order.
        let shard = try Self.dayShard(holding: sha256, in: catalog)
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: shard))
        try JSONSerialization.data(withJSONObject: parsed, options: [.prettyPrinted]).write(to: shard, options: .atomic)
        #expect(try catalog.entries(sha256: sha256) == found)

        // Unreadable, it says which file, rather than finding nothing.
        try Data("[\n{\"sha256\":\"\(sha256)\",\"ingestedAt\":\"x\"}\n]\n".utf8).write(to: shard, options: .atomic)
        #expect { try catalog.entries(sha256: sha256) } throws: { "\($0)".contains(shard.lastPathComponent) }
    }

    @Test("search --json shows a pretty-printed shard's entries, as search does")
    func searchLinesOfAShardWrittenOtherwise() throws {
        let archive = try TestArchive()
        let settings = archive.settings
        let sha256 = try #require(try HandInTests.ingest("photo.jpg", into: settings).sha256)
        _ = try HandInTests.ingest("photo.jpg", part: .mediaReport, into: settings)
        let catalog = CountyCatalog(folder: try CountyFolder(root: settings.root, county: HandInTests.nanle))
        let shard = try Self.dayShard(holding: sha256, in: catalog)
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: shard))
        try JSONSerialization.data(withJSONObject: parsed, options: [.prettyPrinted]).write(to: shard, options: .atomic)

        let search = Catalog(settings: settings)
        let decoded = try search.search(CatalogQuery())
        let shown = try search.searchJSONLines(CatalogQuery()).map { try JSONDecoder().decode(CatalogEntry.self, from: $0) }
        #expect(decoded.count == 2 && shown == decoded)
    }

    @Test("Adding keeps the shard's entries as written; a shard in another form is read whole and nothing in it is lost")
    func addingKeepsWhatIsWritten() throws {
        let archive = try TestArchive()
        let settings = archive.settings
        let receipt = try HandInTests.ingest("photo.jpg", into: settings)
        let sha256 = try #require(receipt.sha256)
        let catalog = CountyCatalog(folder: try CountyFolder(root: settings.root, county: HandInTests.nanle))
        let first = try #require(try catalog.entries(sha256: sha256).first)
        let shard = try Self.dayShard(holding: sha256, in: catalog)
        /// Another content filed in the same shard (same first hex digit), on the same day.
        func another(_ last: Character) -> CatalogEntry {
            var entry = first
            entry.sha256 = SHA256Hash(hex: String(sha256.hex.dropLast()) + String(last == sha256.hex.last ? "0" : last))!
            entry.originalNames = ["another-\(last).jpg"]
            return entry
        }

        // Pretty-printed by hand: not the written form, so decoded whole; both entries kept.
        let pretty = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: Data(contentsOf: shard)), options: [.prettyPrinted])
        try pretty.write(to: shard, options: .atomic)
        #expect(CountyCatalog.writtenLines(of: pretty) == nil)
        _ = try catalog.add(another("a"), rounds: settings.rounds)
        let rewritten = try Data(contentsOf: shard)
        let lines = try #require(CountyCatalog.writtenLines(of: rewritten))
        #expect(lines.count == 2)
        #expect(try catalog.entries(sha256: sha256) == [first])

        // In the written form: the lines already there stay byte for byte.
        _ = try catalog.add(another("b"), rounds: settings.rounds)
        let after = try #require(CountyCatalog.writtenLines(of: Data(contentsOf: shard)))
        #expect(after.count == 3 && Array(after.prefix(2)) == lines)
        #expect(try catalog.entries(sha256: another("b").sha256).map(\.originalNames) == [["another-b.jpg"]])
        #expect(CountyCatalog.writtenLines(of: Data("[\n{\"a\":1}\n{\"b\":2}\n]\n".utf8)) == nil, "a missing comma is not the written form")
    }

    @Test("A looked-up entry is kept only while its day's folder is unchanged: a shard replaced since is read again")
    func keptLookupsNeverStale() throws {
        let photo = try Self.onePhoto()
        let (sha256, catalog, shard) = (photo.sha256, photo.catalog, photo.shard)
        let locator = catalog.folder.hashShard(sha256: sha256)
        /// The day's folder and the locator shard as if last changed an hour ago: settled, so
        /// what is read from them is kept.
        func settle() throws {
            for path in [shard.deletingLastPathComponent().path, locator.path] {
                try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: path)
            }
        }
        try settle()
        #expect(try catalog.entries(sha256: sha256).map(\.originalNames) == [["photo.jpg"]])
        #expect(try catalog.entries(sha256: sha256).map(\.originalNames) == [["photo.jpg"]])

        // Replaced (by rename, as every writer does), then its time set back: still not the old answer.
        let text = try String(contentsOf: shard, encoding: .utf8).replacingOccurrences(of: "\"photo.jpg\"", with: "\"renamed.jpg\"")
        try Data(text.utf8).write(to: shard, options: .atomic)
        try settle()
        #expect(try catalog.entries(sha256: sha256).map(\.originalNames) == [["renamed.jpg"]])

        // The locator replaced without this content (the day folder untouched): not found any more.
        try Data("{}".utf8).write(to: locator, options: .atomic)
        try settle()
        #expect(try catalog.entries(sha256: sha256).isEmpty)
    }

    /// An archive with one photo handed in by 南乐县: its hash, its county's catalogue and the
    /// day shard holding its entry.
    struct OnePhoto {
        let archive: TestArchive
        let sha256: SHA256Hash
        let catalog: CountyCatalog
        let shard: URL
    }

    static func onePhoto() throws -> OnePhoto {
        let archive = try TestArchive()
        let sha256 = try #require(try HandInTests.ingest("photo.jpg", into: archive.settings).sha256)
        let catalog = CountyCatalog(folder: try CountyFolder(root: archive.settings.root, county: HandInTests.nanle))
        return OnePhoto(archive: archive, sha256: sha256, catalog: catalog, shard: try dayShard(holding: sha256, in: catalog))
    }

    /// The day shard file whose text names this content.
    static func dayShard(holding sha256: SHA256Hash, in catalog: CountyCatalog) throws -> URL {
        let files = try #require(FileManager.default.enumerator(at: catalog.folder.days, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        return try #require(files.first { $0.pathExtension == "json" && (try? String(contentsOf: $0, encoding: .utf8))?.contains(sha256.hex) == true })
    }
}
