import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive
import S3Store

/// The CLI against Ceph RGW + PostgreSQL: two processes at once, and processes killed mid-ingest.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct ConcurrencyAndCrashTests {
    @Test func twoProcessesIngestingForOneCountyAtOnceLoseNothing() throws {
        let (store, catalogue, bucket, url) = try Services.fresh()
        let root = try Services.archiveFolder()
        let shared = try Services.distinctDocuments(8, tag: "shared")
        let own = [try Services.distinctDocuments(4, tag: "first"), try Services.distinctDocuments(4, tag: "second")]
        let processes = own.map { Services.process(["ingest", "--archive", root.path, "--county", "fanxian"] + shared + $0, bucket: bucket, catalogue: url) }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])

        let settings = try ArchiveSettings.load(root: root)
        let entries = try catalogue.entries(of: try settings.counties.resolve("fanxian"), in: nil)
        #expect(entries.count == 16)                       // every document once
        #expect(Set(entries.map(\.sha256)).count == 16)
        let names = entries.flatMap(\.originalNames)
        #expect(names.count == 16)                          // a shared one names each file once
        let keys = Set(try store.keys(under: "fanxian/objects/"))
        #expect(keys == Set(entries.compactMap(\.object)))
        #expect(try store.keys(under: "fanxian/staging/").isEmpty)
        #expect(try !StoreVerifier(settings: settings, store: store, catalogue: catalogue).verify(counties: [], repair: false).hasProblems)
    }

    /// Kills `ingest` with SIGKILL part-way through uploads of multipart size, several times.
    /// Afterwards no entry points at a missing object, and `verify --repair` removes every
    /// staged object and unfinished upload; a rerun completes the hand-in.
    @Test func aKilledIngestNeverLeavesAnEntryWithoutItsObject() throws {
        let (store, catalogue, bucket, url) = try Services.fresh()
        var repairing = store
        repairing.abandonedAfter = 0
        let root = try Services.archiveFolder()
        let settings = try ArchiveSettings.load(root: root)
        let county = try settings.counties.resolve("puyangxian")
        // 20 MiB each: more than one 16 MiB part, so a kill can land inside a multipart upload.
        let files = try Services.distinctDocuments(3, padding: 20 << 20, tag: "big")
        var generator = SystemRandomNumberGenerator()
        var leftovers = 0
        for round in 0..<4 {
            let process = Services.process(["ingest", "--archive", root.path, "--county", "puyangxian"] + files, bucket: bucket, catalogue: url)
            try process.run()
            // A fixed delay raced the upload: on a quiet machine the first run finished all three
            // files before the kill, and every later run only found duplicates (CI saw 0
            // leftovers). So wait until an upload is open, then kill at once (first run) or after
            // a random part of a part's upload.
            try Self.waitForAnOpenUpload(store: store, county: county, while: process)
            if round > 0 { usleep(UInt32.random(in: 0...400_000, using: &generator)) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            for entry in try catalogue.entries(of: county, in: nil) {
                #expect(try store.size(key: entry.object!) != nil, "entry \(entry.sha256) points at a missing object")
            }
            leftovers += try store.unfinished(county: county).count
            let report = try StoreVerifier(settings: settings, store: repairing, catalogue: catalogue).verify(counties: [county], repair: true)
            #expect(report.corrupt.isEmpty && report.missing.isEmpty)
            #expect(report.unfinishedCopies.isEmpty, "\(report.unfinishedCopies)")
            #expect(try store.unfinished(county: county).isEmpty)
        }
        // The kills landed mid-upload at least once (else this test proved nothing).
        #expect(leftovers > 0)

        let rerun = Services.process(["ingest", "--archive", root.path, "--county", "puyangxian"] + files, bucket: bucket, catalogue: url)
        try rerun.run()
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)
        #expect(try catalogue.entries(of: county, in: nil).count == files.count)
        #expect(try !StoreVerifier(settings: settings, store: store, catalogue: catalogue).verify(counties: [], repair: false).hasProblems)
    }

    /// Returns once the store lists an unfinished upload of `county`, or the process has ended,
    /// or 60 s have passed (a slow start under load).
    private static func waitForAnOpenUpload(store: S3ObjectStore, county: County, while process: Process) throws {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            if try !store.unfinished(county: county).isEmpty { return }
            usleep(20_000)
        }
    }
}
