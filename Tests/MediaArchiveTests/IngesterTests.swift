import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// Ingest as a clerk uses it: stored, duplicate, rejected — and nothing lost.
struct IngesterTests {
    static func makeArchive() throws -> ArchiveSettings {
        ArchiveSettings(root: try Fixtures.temporaryFolder("archive"), policy: .defaults, counties: .puyang)
    }

    static let qingfeng = CountyRegistry.puyang.counties[1]

    static func ingest(_ names: [String], into settings: ArchiveSettings, acceptFailing: Bool = false,
                       county: County = qingfeng) throws -> [IngestReceipt] {
        try Ingester(settings: settings, county: county, acceptFailing: acceptFailing).ingest(paths: names.map(Fixtures.media))
    }

    @Test func storesByContentAddressWithTheDetectedExtension() throws {
        let settings = try Self.makeArchive()
        let receipts = try Self.ingest(["clip-179.9s.mp4", "photo-named-video.mp4", "summary.pdf"], into: settings)
        #expect(receipts.map(\.status) == [.stored, .stored, .stored])
        for receipt in receipts {
            let sha = try #require(receipt.sha256)
            let object = try #require(receipt.object)
            #expect(object.hasPrefix("qingfeng/objects/\(sha.bucket)/\(sha)."))
            let stored = settings.root.appendingPathComponent(object).path
            #expect(try HashingCopy.sha256(of: stored) == sha)
        }
        // A JPEG named .mp4 is stored as what it is.
        #expect(receipts[1].object?.hasSuffix(".jpg") == true)
        #expect(receipts[2].object?.hasSuffix(".pdf") == true)
        #expect(receipts[2].kind == .document)
    }

    @Test func theSameBytesTwiceAreStoredOnceWithBothNames() throws {
        let settings = try Self.makeArchive()
        _ = try Self.ingest(["clip-179.9s.mp4"], into: settings)
        let renamed = try Fixtures.temporaryFolder().appendingPathComponent("第二次提交.mp4")
        try FileManager.default.copyItem(atPath: Fixtures.media("clip-179.9s.mp4"), toPath: renamed.path)
        let second = try Ingester(settings: settings, county: Self.qingfeng).ingest(paths: [renamed.path])
        #expect(second.first?.status == .duplicate)
        let entries = try Catalog(settings: settings).search(CatalogQuery())
        #expect(entries.count == 1)
        #expect(entries.first?.originalNames == ["clip-179.9s.mp4", "第二次提交.mp4"])
        let objects = Verifier.storedFiles(under: settings.root.appendingPathComponent("qingfeng/objects"), root: settings.root)
        #expect(objects.count == 1)
    }

    @Test func theSameBytesForAnotherCountyAreThatCountysOwn() throws {
        let settings = try Self.makeArchive()
        _ = try Self.ingest(["photo.jpg"], into: settings)
        let other = try Self.ingest(["photo.jpg"], into: settings, county: CountyRegistry.puyang.counties[0])
        #expect(other.first?.status == .stored)
        #expect(try Catalog(settings: settings).search(CatalogQuery()).map(\.county) == ["hualong", "qingfeng"])
    }

    @Test func failingAndUnreadableFilesAreRejectedWithTheCheckReason() throws {
        let settings = try Self.makeArchive()
        let receipts = try Self.ingest(["clip-181s.mp4", "text.mp4", "clip-179.9s.mp4"], into: settings)
        #expect(receipts.map(\.status) == [.rejected, .rejected, .stored])
        #expect(receipts[0].verdict == .fail)
        #expect(receipts[0].reasons.first?.contains("over the 3:00 limit") == true)
        #expect(receipts[1].verdict == .error)
        #expect(receipts[0].sha256 == nil) // nothing was stored
        #expect(try Catalog(settings: settings).search(CatalogQuery()).count == 1)
    }

    @Test func acceptFailingStoresWithVerdictFail() throws {
        let settings = try Self.makeArchive()
        let receipts = try Self.ingest(["clip-181s.mp4"], into: settings, acceptFailing: true)
        #expect(receipts.first?.status == .stored)
        let entry = try #require(try Catalog(settings: settings).search(CatalogQuery()).first)
        #expect(entry.verdict == .fail)
        #expect(entry.reasons.first?.contains("1 s over") == true)
        // The Chinese rendering is kept beside the English record, for the Chinese pages.
        #expect(entry.chinese?.reasons.count == 1)
        #expect(entry.reasons(in: .zh).first?.contains("超出 3 分钟上限 1 秒") == true, "\(entry.reasons(in: .zh))")
        #expect(entry.warnings(in: .zh) == entry.chinese?.warnings)
    }

    @Test func entriesCarryMetadataThumbnailAndSchemaVersion() throws {
        let settings = try Self.makeArchive()
        _ = try Self.ingest(["iphone-tagged.mov"], into: settings)
        let entry = try #require(try Catalog(settings: settings).search(CatalogQuery()).first)
        #expect(entry.schemaVersion == CatalogEntry.currentSchemaVersion)
        #expect(entry.capturedAt == "2021-05-23T10:15:30+08:00")
        #expect(entry.day == CalendarDay(2021, 5, 23)) // filed under the capture day
        #expect(entry.camera?.model == "iPhone 12")
        #expect(entry.kind == .video && abs((entry.durationSeconds ?? 0) - 1) < 0.1)
        let thumbnail = try #require(entry.thumbnail)
        #expect(FileManager.default.fileExists(atPath: settings.root.appendingPathComponent(thumbnail).path))
        // The shard on disk is that day's, chosen by the hash's first digit.
        #expect(FileManager.default.fileExists(atPath: settings.root.appendingPathComponent("qingfeng/index/days/2021/2021-05-23/\(entry.sha256.hex.prefix(1)).json").path))
    }

    @Test func itemsWithoutCaptureTimeAreFiledUnderTheIngestDay() throws {
        let settings = try Self.makeArchive()
        let fixed = Date(timeIntervalSince1970: 1_622_505_600) // 2021-06-01T00:00:00Z = 08:00 in Shanghai
        _ = try Ingester(settings: settings, county: Self.qingfeng, now: { fixed }).ingest(paths: [Fixtures.media("clip-179.9s.mp4")])
        let entry = try #require(try Catalog(settings: settings).search(CatalogQuery()).first)
        #expect(entry.ingestedAt == "2021-06-01T08:00:00+08:00")
        #expect(entry.day == CalendarDay(2021, 6, 1))
        #expect(entry.warnings.isEmpty) // before the deadline
    }

    @Test func ingestAfterTheDeadlineIsWarnedNotRejected() throws {
        let settings = try Self.makeArchive()
        let late = Date(timeIntervalSince1970: 1_623_628_800) // 2021-06-14
        let receipts = try Ingester(settings: settings, county: Self.qingfeng, now: { late }).ingest(paths: [Fixtures.media("photo.jpg")])
        #expect(receipts.first?.status == .stored)
        #expect(receipts.first?.warnings.contains("handed in on 2021-06-14, after the deadline 2021-06-04") == true)
    }

    @Test func partialCopiesOfKilledIngestsAreRemovedAfterADay() throws {
        let settings = try Self.makeArchive()
        let staging = settings.root.appendingPathComponent("qingfeng/staging")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let abandoned = staging.appendingPathComponent("old.part"), recent = staging.appendingPathComponent("new.part")
        try Data(count: 10).write(to: abandoned)
        try Data(count: 10).write(to: recent)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: abandoned.path)
        _ = try Self.ingest(["photo.jpg"], into: settings)
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: recent.path)) // may belong to an ingest still running
    }

    /// The web app writes each upload into `<uuid>.part/upload.<ext>`: writing the file does not
    /// touch the folder's time, so the folder must count by its newest file.
    @Test func anUploadStillArrivingAfterADayIsNotTakenForAbandoned() throws {
        let settings = try Self.makeArchive()
        let staging = try Ingester(settings: settings, county: Self.qingfeng).uploadFolder()
        let dayAgo = Date().addingTimeInterval(-2 * 86_400)
        var folders: [URL] = []
        for (name, fileIsOld) in [("slow.part", false), ("killed.part", true)] {
            let folder = staging.appendingPathComponent(name), file = folder.appendingPathComponent("upload.mp4")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            try Data(count: 10).write(to: file)
            if fileIsOld { try FileManager.default.setAttributes([.modificationDate: dayAgo], ofItemAtPath: file.path) }
            try FileManager.default.setAttributes([.modificationDate: dayAgo], ofItemAtPath: folder.path)
            folders.append(folder)
        }
        _ = try Ingester(settings: settings, county: Self.qingfeng).uploadFolder()
        #expect(FileManager.default.fileExists(atPath: folders[0].path), "its file was written just now")
        #expect(!FileManager.default.fileExists(atPath: folders[1].path))
    }

    @Test func anUploadIsStoredUnderItsSendersNameAndMovedNotCopied() throws {
        let settings = try Self.makeArchive()
        let ingester = Ingester(settings: settings, county: Self.qingfeng)
        let folder = try ingester.uploadFolder().appendingPathComponent("test.part")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let upload = folder.appendingPathComponent("upload.mov")
        try FileManager.default.copyItem(atPath: Fixtures.media("iphone-tagged.mov"), toPath: upload.path)
        let receipt = ingester.ingest(upload: upload.path, originalName: "IMG_0001.MOV")
        #expect(receipt.status == .stored)
        #expect(receipt.path == "IMG_0001.MOV")
        #expect(!FileManager.default.fileExists(atPath: upload.path), "moved into objects/")
        let entry = try #require(try Catalog(settings: settings).search(CatalogQuery()).first)
        #expect(entry.originalNames == ["IMG_0001.MOV"])
        #expect(entry.object!.hasSuffix(".mov"), "the sender's extension settles .mov against .mp4")
        #expect(try HashingCopy.sha256(of: settings.root.appendingPathComponent(entry.object!).path) == receipt.sha256)

        // A file outside staging is never moved into the archive from where it lies.
        let elsewhere = ingester.ingest(upload: Fixtures.media("photo.jpg"), originalName: "photo.jpg")
        #expect(elsewhere.status == .rejected)
        #expect(FileManager.default.fileExists(atPath: Fixtures.media("photo.jpg")))
    }

    @Test func anUnwritableArchiveRejectsAndLeavesNothingBehind() throws {
        let settings = try Self.makeArchive()
        let county = settings.root.appendingPathComponent("qingfeng")
        try FileManager.default.createDirectory(at: county, withIntermediateDirectories: true)
        // Make "staging" a file, so no copy can be staged (as a full or read-only disk would).
        try Data().write(to: county.appendingPathComponent("staging"))
        let receipts = try Self.ingest(["photo.jpg"], into: settings)
        #expect(receipts.first?.status == .rejected)
        #expect(receipts.first?.reasons.first?.contains("nothing was changed") == true)
        // A clerk reading Chinese is told what the system said, in Chinese.
        let chinese = try #require(receipts.first?.reasonMessages.first?.text(in: .zh))
        #expect(chinese == "无法存入档案（已有同名的文件或文件夹）；档案没有任何改动")
        #expect(try Catalog(settings: settings).search(CatalogQuery()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: county.appendingPathComponent("objects").path))
    }
}
