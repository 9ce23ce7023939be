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
        let days = catalog.folder.days
        let shards = try #require(FileManager.default.enumerator(at: days, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        let shard = try #require(shards.first { (try? String(contentsOf: $0, encoding: .utf8))?.contains(sha256) == true })
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: shard))
        try JSONSerialization.data(withJSONObject: parsed, options: [.prettyPrinted]).write(to: shard)
        #expect(try catalog.entries(sha256: sha256) == found)

        // Unreadable, it says which file, rather than finding nothing.
        try Data("[\n{\"sha256\":\"\(sha256)\",\"ingestedAt\":\"x\"}\n]\n".utf8).write(to: shard)
        #expect { try catalog.entries(sha256: sha256) } throws: { "\($0)".contains(shard.lastPathComponent) }
    }
}
