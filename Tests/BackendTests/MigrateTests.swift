import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive
import S3Store

/// `migrate`: the embedded archive into Ceph RGW + PostgreSQL and back gives the same archive;
/// a migration killed part way and run again completes, with nothing twice.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct MigrateTests {
    func searchJSON(_ settings: ArchiveSettings, _ catalogue: (any EntryCatalogue)? = nil) throws -> Data {
        Catalog.jsonArray(try Catalog(settings: settings, catalogue: catalogue).searchJSONLines(CatalogQuery()))
    }

    func statusJSON(_ settings: ArchiveSettings, _ catalogue: (any EntryCatalogue)? = nil) throws -> String {
        let round = settings.rounds.current(today: CalendarDay(2021, 5, 25))
        return try SameResultsTests().json(HandInStatusReader(settings: settings, catalogue: catalogue).status(round: round))
    }

    /// The hand-over export's files, by name.
    func exported(_ settings: ArchiveSettings, store: (any ObjectStore)? = nil, catalogue: (any EntryCatalogue)? = nil) throws -> [String: Data] {
        let destination = try Fixtures.temporaryFolder("export").appendingPathComponent("out")
        var export = HandOverExport(settings: settings, county: try settings.counties.resolve("hualong"), destination: destination,
                                    now: { Date(timeIntervalSince1970: 1_700_000_000) })
        export.catalogue = catalogue
        export.objectStore = store
        #expect(try export.run().problems.isEmpty)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: destination.path) {
            files[name] = try Data(contentsOf: destination.appendingPathComponent(name))
        }
        return files
    }

    @Test func intoS3AndPostgresAndBackGivesTheSameArchive() throws {
        let (store, catalogue, _, _) = try Services.fresh()
        let embedded = try ArchiveSettings.load(root: try Services.archiveFolder())
        _ = try SameResultsTests().ingestAll(settings: embedded, store: nil, catalogue: nil)
        let remote = StorageBackends(store: store, catalogue: catalogue)

        let out = try ArchiveMigration(settings: embedded, source: StorageBackends(), target: remote).run()
        #expect(out.failures.isEmpty, "\(out.failures)")
        #expect(out.entries == 5 && out.entriesAdded == 5)
        #expect(out.objectsCopied == 5 && out.objectsVerified == 5 && out.objectsAlreadyThere == 0)
        #expect(out.thumbnailsCopied == 4)  // the three videos and the photo
        #expect(try store.keys(under: "hualong/objects/").count == 5)
        #expect(try searchJSON(embedded, catalogue) == searchJSON(embedded))
        #expect(try statusJSON(embedded, catalogue) == statusJSON(embedded))

        // Again: everything is there, checked, nothing added.
        let again = try ArchiveMigration(settings: embedded, source: StorageBackends(), target: remote).run()
        #expect(again.entriesAdded == 0 && again.objectsCopied == 0 && again.objectsAlreadyThere == 5 && again.objectsVerified == 5)
        #expect(try catalogue.entries(of: try embedded.counties.resolve("hualong"), in: nil).count == 5)

        // And back, into a new archive folder.
        let backRoot = try Fixtures.temporaryFolder("back").appendingPathComponent("archive")
        let back = try ArchiveMigration(settings: embedded, source: remote, target: StorageBackends(), targetRoot: backRoot).run()
        #expect(back.failures.isEmpty && back.entriesAdded == 5 && back.objectsCopied == 5 && back.thumbnailsCopied == 4)
        let returned = try ArchiveSettings.load(root: backRoot)
        #expect(try searchJSON(returned) == searchJSON(embedded))
        #expect(try statusJSON(returned) == statusJSON(embedded))
        let original = try exported(embedded)
        #expect(original.count >= 5)  // the five files (and the hand-over notes)
        #expect(try exported(returned) == original)
        #expect(try exported(embedded, store: store, catalogue: catalogue) == original)
        #expect(try !Verifier(settings: returned).verify(counties: [], repair: false).hasProblems)
    }

    @Test func aKilledMigrateRunAgainCompletesWithNothingTwice() throws {
        let (store, catalogue, bucket, url) = try Services.fresh()
        let root = try Services.archiveFolder()
        let settings = try ArchiveSettings.load(root: root)
        let county = try settings.counties.resolve("hualong")
        let files = try Services.distinctDocuments(12, padding: 3 << 20, tag: "migrate")
        #expect(try Ingester(settings: settings, county: county).ingest(paths: files).allSatisfy { $0.status == .stored })

        func migrate(json: Bool = false) -> (Process, Pipe) {
            let process = Process()
            process.executableURL = Services.binary
            process.arguments = ["migrate", "--archive", root.path, "--to-store", "s3://\(bucket)", "--to-catalogue", url] + (json ? ["--json"] : [])
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            return (process, output)
        }
        var killedPartWay = 0
        for _ in 0..<3 {
            let (process, _) = migrate()
            let before = try catalogue.entries(of: county, in: nil).count
            try process.run()
            // Killed as soon as it has added an entry, so the kill lands part way whatever the
            // machine's speed (a fixed delay let a fast run finish all twelve first).
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline, try catalogue.entries(of: county, in: nil).count == before {
                usleep(10_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let entries = try catalogue.entries(of: county, in: nil)
            if entries.count < files.count { killedPartWay += 1 }
            for entry in entries {
                #expect(try store.sha256(key: entry.object!) == entry.sha256, "entry \(entry.sha256) without its object")
            }
        }
        #expect(killedPartWay > 0, "no kill landed before the end: the test proved nothing")

        let (rerun, output) = migrate(json: true)
        try rerun.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        let summary = try JSONDecoder().decode(ArchiveMigration.Summary.self, from: printed)
        #expect(summary.entries == 12 && summary.failures.isEmpty && summary.objectsVerified == 12)
        #expect(summary.objectsCopied + summary.objectsAlreadyThere == 12)
        #expect(try catalogue.entries(of: county, in: nil).count == 12)
        #expect(try store.keys(under: "hualong/objects/").count == 12)
        // The same entries, byte for byte (twelve ingested in parallel share stamps, so not in one order).
        #expect(try Catalog(settings: settings, catalogue: catalogue).searchJSONLines(CatalogQuery()).sorted { $0.lexicographicallyPrecedes($1) }
                == Catalog(settings: settings).searchJSONLines(CatalogQuery()).sorted { $0.lexicographicallyPrecedes($1) })
        let report = try StoreVerifier(settings: settings, store: store, catalogue: catalogue).verify(counties: [county], repair: false)
        #expect(report.corrupt.isEmpty && report.missing.isEmpty && report.orphaned.isEmpty)
    }
}
