import Dispatch
import Foundation
@testable import MediaArchive
import Testing
import TestSupport

/// Backups as the bureau relies on them: restorable, incremental, consistent while clerks ingest.
struct ArchiveBackupTests {
    /// `count` different photos (the fixture with a different tail each: same picture, new bytes).
    static func distinctPhotos(_ count: Int) throws -> [String] {
        let folder = try Fixtures.temporaryFolder("photos")
        let photo = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
        return try (0..<count).map { index in
            let url = folder.appendingPathComponent("活动照片-\(index).jpg")
            try (photo + Data("copy \(index)".utf8)).write(to: url)
            return url.path
        }
    }

    func verified(_ archive: URL) throws -> VerifyReport {
        try Verifier(settings: try ArchiveSettings.load(root: archive)).verify(counties: [], repair: false)
    }

    @Test func aRestoredBackupIsTheSameArchiveAndVerifiesClean() throws {
        let archive = try TestArchive()
        try archive.ingest([("photo.jpg", "合影.jpg"), ("clip-179.9s.mp4", "开幕式.mp4"), ("summary.pdf", "总结.pdf")], county: "nanle")
        try archive.ingest([("photo.jpg", "同一张.jpg")], county: "fanxian")
        _ = try AccessTokens(root: archive.root).create(role: .clerk, name: "范县 clerk")
        try AuditLog(settings: archive.settings).append(AuditEvent(time: "2021-06-03T14:00:00+08:00",
                                                                   who: .commandLine(), action: .tokenCreated))
        let backup = try Fixtures.temporaryFolder("backup")
        let result = try ArchiveBackup(settings: archive.settings, to: backup).run()
        #expect(result.objectsCopied == 4 && result.thumbnailsCopied == 3 && !result.hasProblems)

        let restored = try Fixtures.temporaryFolder("restored").appendingPathComponent("archive")
        try BackupRestore(from: backup, to: restored).run()
        let report = try verified(restored)
        #expect(!report.hasProblems && report.checked == 4, "\(report)")
        let settings = try ArchiveSettings.load(root: restored)
        #expect(try Catalog(settings: settings).search(CatalogQuery()).map(\.sha256).sorted()
                == Catalog(settings: archive.settings).search(CatalogQuery()).map(\.sha256).sorted())
        #expect(try AccessTokens(root: restored).all().map(\.name) == ["范县 clerk"])
        #expect(try AuditLog(settings: settings).events().events.count == 1)
    }

    @Test func aSecondBackupCopiesOnlyWhatIsNew() throws {
        let archive = try TestArchive()
        try archive.ingest([("photo.jpg", "合影.jpg"), ("clip-179.9s.mp4", "开幕式.mp4")], county: "nanle")
        let backup = try Fixtures.temporaryFolder("backup")
        let first = try ArchiveBackup(settings: archive.settings, to: backup).run()
        let nothingNew = try ArchiveBackup(settings: archive.settings, to: backup).run()
        #expect(first.objectsCopied == 2)
        #expect(nothingNew.objectsCopied == 0 && nothingNew.thumbnailsCopied == 0 && nothingNew.objectsAlreadyBackedUp == 2)
        #expect(nothingNew.bytesCopied < first.bytesCopied, "only the catalogue again")
        try archive.ingest([("summary.pdf", "总结.pdf")], county: "nanle")
        let oneNew = try ArchiveBackup(settings: archive.settings, to: backup).run()
        #expect(oneNew.objectsCopied == 1 && oneNew.objectsAlreadyBackedUp == 2)
        #expect(try BackupCheck(backup).run().snapshots.count == 3)
        #expect(!(try BackupCheck(backup).run().hasProblems))
    }

    @Test func aBackupTakenDuringAnIngestNamesNoFileItLacks() throws {
        let archive = try TestArchive()
        let photos = try Self.distinctPhotos(12)
        let started = DispatchSemaphore(value: 0), backedUp = DispatchSemaphore(value: 0)
        let calls = Shared(0)
        // The ingest's clock: the 5th file to start waits until the backup is taken, while the
        // other files go on being ingested on the other threads.
        let ingester = Ingester(settings: archive.settings, county: try archive.county("nanle"), now: {
            if calls.update({ $0 += 1; return $0 }) == 5 {
                started.signal()
                backedUp.wait()
            }
            return TestArchive.duringTheWeek
        })
        let finished = DispatchSemaphore(value: 0)
        let receipts = Shared<[IngestReceipt]>([])
        Thread.detachNewThread {
            let made = (try? ingester.ingest(paths: photos)) ?? []
            receipts.update { $0 = made }
            finished.signal()
        }
        started.wait()
        let backup = try Fixtures.temporaryFolder("backup")
        let during = try ArchiveBackup(settings: archive.settings, to: backup).run()
        backedUp.signal()
        finished.wait()
        #expect(receipts.update { $0.map(\.status) } == Array(repeating: .stored, count: 12))
        #expect(during.objectsCopied < 12, "the paused file cannot be in it")

        let restored = try Fixtures.temporaryFolder("restored").appendingPathComponent("archive")
        try BackupRestore(from: backup, to: restored).run()
        let report = try verified(restored)
        #expect(!report.hasProblems, "\(report)")
        #expect(report.checked == during.objectsCopied)

        let after = try ArchiveBackup(settings: archive.settings, to: backup).run()
        #expect(after.objectsCopied == 12 - during.objectsCopied, "the rest, and only the rest")
    }

    @Test func checkFindsADamagedFileAndRestoreRefusesIt() throws {
        let archive = try TestArchive()
        try archive.ingest([("photo.jpg", "合影.jpg")], county: "nanle")
        let backup = try Fixtures.temporaryFolder("backup")
        try ArchiveBackup(settings: archive.settings, to: backup).run()
        let object = try #require(try archive.entries("nanle").first?.object)
        let kept = backup.appendingPathComponent("store/\(object)")
        var bytes = try Data(contentsOf: kept)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: kept)

        let report = try BackupCheck(backup).run()
        #expect(report.corrupt == ["store/\(object)"] && report.hasProblems)
        let restored = try Fixtures.temporaryFolder("restored").appendingPathComponent("archive")
        let refused = #expect(throws: BackupError.self) { try BackupRestore(from: backup, to: restored).run() }
        #expect(refused.map { "\($0)".contains(kept.path) && "\($0)".contains("is damaged") } == true)
    }

    @Test func restoreNeverWritesIntoAnArchiveAndBackupNeverIntoItself() throws {
        let archive = try TestArchive()
        try archive.ingest([("photo.jpg", "合影.jpg")], county: "nanle")
        let backup = try Fixtures.temporaryFolder("backup")
        try ArchiveBackup(settings: archive.settings, to: backup).run()
        #expect(throws: BackupError.destinationNotEmpty(path: archive.root.standardizedFileURL.path)) {
            try BackupRestore(from: backup, to: archive.root).run()
        }
        let inside = #expect(throws: BackupError.self) {
            try ArchiveBackup(settings: archive.settings, to: archive.root.appendingPathComponent("backup")).run()
        }
        #expect(inside.map { "\($0)".contains("is inside the archive") } == true)
        #expect(throws: BackupError.notABackup(path: archive.root.standardizedFileURL.path)) {
            try BackupCheck(archive.root).run()
        }
    }
}

/// A value the test and the ingest's threads share.
final class Shared<Value: Sendable>: @unchecked Sendable {
    // Every access goes through `lock`.
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func update<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
