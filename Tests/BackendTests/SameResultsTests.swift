import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive
import S3Store

/// The same hand-in, ingested into the embedded archive and into Ceph RGW + PostgreSQL, gives
/// the same receipts, search, status, verify and export.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct SameResultsTests {
    /// Handed in one at a time, each at its own minute, so both runs stamp the same times.
    static let handIn: [(fixture: String, name: String)] = [
        ("clip-179.9s.mp4", "开幕式.mp4"), ("photo.jpg", "展台.jpg"), ("summary.pdf", "总结.pdf"),
        ("clip-181s.mp4", "太长.mp4"), ("clip-179.9s.mp4", "开幕式 再次.mp4"), ("hevc.mov", "hevc.mov"),
    ]
    static let start = Date(timeIntervalSince1970: 1_621_908_000)  // 2021-05-25 10:00 in Puyang

    func ingestAll(settings: ArchiveSettings, store: (any ObjectStore)?, catalogue: (any EntryCatalogue)?) throws -> [IngestReceipt] {
        let county = try settings.counties.resolve("hualong")
        let folder = try Fixtures.temporaryFolder("hand-in")
        var receipts: [IngestReceipt] = []
        for (index, file) in Self.handIn.enumerated() {
            let copy = folder.appendingPathComponent("\(index)/\(file.name)")
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.copyItem(atPath: Fixtures.media(file.fixture), toPath: copy.path)
            let stamp = Self.start.addingTimeInterval(Double(index) * 60)
            var ingester = Ingester(settings: settings, county: county, acceptFailing: true, now: { stamp })
            if let catalogue { ingester.catalogue = catalogue }
            ingester.objectStore = store
            receipts += try ingester.ingest(paths: [copy.path])
        }
        return receipts
    }

    func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func ingestSearchStatusVerifyExportAgree() throws {
        let (store, catalogue, _, _) = try Services.fresh()
        let embedded = try ArchiveSettings.load(root: try Services.archiveFolder())
        let remote = try ArchiveSettings.load(root: try Services.archiveFolder())

        // Receipts name the same paths (hand-in folders differ): compare them without the path.
        let local = try ingestAll(settings: embedded, store: nil, catalogue: nil)
        let far = try ingestAll(settings: remote, store: store, catalogue: catalogue)
        #expect(local.map(\.status) == [.stored, .stored, .stored, .stored, .duplicate, .stored])
        func withoutPaths(_ receipts: [IngestReceipt]) -> [IngestReceipt] { receipts.map { var copy = $0; copy.path = ""; return copy } }
        #expect(try json(withoutPaths(local)) == json(withoutPaths(far)))
        // Nothing of the county's files is in the remote archive's folder: they are in the store.
        #expect(!FileManager.default.fileExists(atPath: remote.root.appendingPathComponent("hualong/objects").path))
        #expect(try store.keys(under: "hualong/objects/").count == 5)
        #expect(try store.keys(under: "hualong/staging/").isEmpty)

        // search, as the table and as --json prints it (the stored JSON text, byte for byte).
        let embeddedCatalog = Catalog(settings: embedded)
        let remoteCatalog = Catalog(settings: remote, catalogue: catalogue)
        #expect(try embeddedCatalog.search(CatalogQuery()) == remoteCatalog.search(CatalogQuery()))
        #expect(try Catalog.jsonArray(embeddedCatalog.searchJSONLines(CatalogQuery()))
                == Catalog.jsonArray(remoteCatalog.searchJSONLines(CatalogQuery())))
        var videos = CatalogQuery()
        videos.kind = .video
        videos.from = CalendarDay(2021, 5, 1)
        videos.to = CalendarDay(2026, 12, 31)
        #expect(try embeddedCatalog.searchJSONLines(videos) == remoteCatalog.searchJSONLines(videos))
        #expect(try embeddedCatalog.search(CatalogQuery()).first { $0.sha256 == local[0].sha256 }?.originalNames
                == ["开幕式.mp4", "开幕式 再次.mp4"])

        // status of the round.
        let round = embedded.rounds.current(today: CalendarDay(2021, 5, 25))
        let localStatus = try json(HandInStatusReader(settings: embedded).status(round: round))
        let farStatus = try json(HandInStatusReader(settings: remote, catalogue: catalogue).status(round: round))
        #expect(localStatus == farStatus, "\(localStatus)\n\(farStatus)")

        // verify: every object re-hashed from the store.
        let localReport = try Verifier(settings: embedded).verify(counties: [], repair: false)
        let farReport = try StoreVerifier(settings: remote, store: store, catalogue: catalogue).verify(counties: [], repair: false)
        let localJSON = try json(localReport), farJSON = try json(farReport)
        #expect(localJSON == farJSON, "\(localJSON)\n\(farJSON)")
        #expect(farReport.checked == 5 && farReport.ok == 5 && !farReport.hasProblems)

        // export: the same files under the same names, the same manifest but for its folder.
        let county = try embedded.counties.resolve("hualong")
        let exportedAt = Date(timeIntervalSince1970: 1_700_000_000)
        let localTo = try Fixtures.temporaryFolder("export").appendingPathComponent("out")
        let farTo = try Fixtures.temporaryFolder("export").appendingPathComponent("out")
        let localExport = try HandOverExport(settings: embedded, county: county, destination: localTo, now: { exportedAt }).run()
        var farExporter = HandOverExport(settings: remote, county: county, destination: farTo, now: { exportedAt })
        farExporter.catalogue = catalogue
        farExporter.objectStore = store
        let farExport = try farExporter.run()
        #expect(farExport.problems.isEmpty && farExport.files == 5)
        #expect(localExport.exported == farExport.exported)
        let names = try FileManager.default.contentsOfDirectory(atPath: localTo.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: farTo.path).sorted() == names)
        for name in names {
            #expect(try Data(contentsOf: localTo.appendingPathComponent(name)) == Data(contentsOf: farTo.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test func verifyCatchesAnObjectChangedOrRemovedBehindTheToolsBack() throws {
        let (store, catalogue, bucket, _) = try Services.fresh()
        let settings = try ArchiveSettings.load(root: try Services.archiveFolder())
        let receipts = try ingestAll(settings: settings, store: store, catalogue: catalogue)
        let changed = try #require(receipts[1].object), gone = try #require(receipts[2].object)
        let client = store.client
        try Blocking.run {
            try await client.put(.init(string: "not the photo any more"), bucket: bucket, key: changed)
            try await client.delete(bucket: bucket, key: gone)
        }
        let report = try StoreVerifier(settings: settings, store: store, catalogue: catalogue).verify(counties: [], repair: false)
        #expect(report.corrupt == [receipts[1].sha256!.hex])
        #expect(report.missing == [receipts[2].sha256!.hex])
        #expect(report.checked == 4 && report.ok == 3)
        #expect(report.hasProblems)
    }
}
