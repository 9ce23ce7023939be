import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// `Catalog.item(sha256:)` and the name a download gets.
struct StoredItemTests {
    @Test func anItemIsFoundInWhicheverCountyHoldsItWithItsFiles() throws {
        let archive = try TestArchive()
        let receipts = try archive.ingest([("clip-179.9s.mp4", "开幕式.mp4"), ("summary.pdf", "总结.pdf")], county: "nanle")
        let catalog = Catalog(settings: archive.settings)
        let hashes = receipts.compactMap(\.sha256)
        #expect(hashes.count == 2)
        let clip = try #require(try catalog.item(sha256: hashes[0]))
        #expect(clip.entry.county == "nanle")
        // Keys of the archive folder's store: the county's own files.
        let store = FolderObjectStore(root: archive.settings.root)
        #expect(clip.object.hasPrefix("nanle/objects/"))
        let object = try store.localFile(key: clip.object, scratch: archive.settings.root)
        #expect(!object.isCopy)
        #expect(FileManager.default.contentsEqual(atPath: object.url.path, andPath: Fixtures.media("clip-179.9s.mp4")))
        #expect(try clip.thumbnail.map { try store.size(key: $0) ?? 0 }.map { $0 > 0 } == true)
        let pdf = try #require(try catalog.item(sha256: hashes[1]))
        #expect(pdf.thumbnail == nil)
        #expect(try catalog.item(sha256: SHA256Hash(hex: String(repeating: "0", count: 64))!) == nil)
    }

    @Test func aDownloadIsNamedAsHandedInWithTheDetectedFormatsExtension() throws {
        let archive = try TestArchive()
        let receipts = try archive.ingest([("县 科技周 开幕式.mp4", "县 科技周 开幕式.mp4"), ("photo-named-video.mp4", "活动照片.mp4")],
                                          county: "fanxian")
        let catalog = Catalog(settings: archive.settings)
        let names = try receipts.compactMap(\.sha256).map { try catalog.item(sha256: $0)?.entry.downloadName }
        #expect(names == ["县 科技周 开幕式.mp4", "活动照片.jpg"])
    }
}
