import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive

/// `report` and `show` print the same on the embedded archive and on RGW + PostgreSQL;
/// `backup` refuses them and says what to use instead.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct CommandsOnBackendsTests {
    /// `media-archive ARGUMENTS` → (exit status, stdout, stderr).
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let ran = try ChildProcess.run(Services.binary, arguments)
        return (ran.status, ran.stdout, ran.stderr)
    }

    @Test func reportAndShowPrintTheSameOnBothDeployments() throws {
        let (store, catalogue, bucket, url) = try Services.fresh()
        let embedded = try ArchiveSettings.load(root: try Services.archiveFolder())
        let remote = try ArchiveSettings.load(root: try Services.archiveFolder())
        let receipts = try SameResultsTests().ingestAll(settings: embedded, store: nil, catalogue: nil)
        _ = try SameResultsTests().ingestAll(settings: remote, store: store, catalogue: catalogue)
        let backends = ["--store", "s3://\(bucket)", "--catalogue", url]
        let round = embedded.rounds.current(today: CalendarDay(2021, 5, 25)).id

        for command in [["report", "--json"], ["report"], ["report", "--round", round, "--json"],
                        ["show", String(receipts[0].sha256!.hex.prefix(8)), "--json"], ["show", receipts[2].sha256!.abbreviated]] {
            let here = try run(command + ["--archive", embedded.root.path])
            let there = try run(command + ["--archive", remote.root.path] + backends)
            #expect(here.status == 0, "\(command): \(here.errors)")
            #expect(there.status == here.status && there.output == here.output, "\(command)\n\(there.output)\n\(here.output)\n\(there.errors)")
        }
        let report = try JSONSerialization.jsonObject(with: Data(try run(["report", "--json", "--archive", remote.root.path] + backends).output.utf8))
        let hualong = (report as? [[String: Any]])?.first { $0["county"] as? String == "hualong" }
        #expect(hualong?["items"] as? Int == 5)
        #expect(try run(["show", "ffffff", "--archive", remote.root.path] + backends).status == 1)
    }

    @Test func backupRefusesAStoreOrCatalogueElsewhereAndSaysWhatToUse() throws {
        let (_, _, bucket, url) = try Services.fresh()
        let root = try Services.archiveFolder()
        let target = try Fixtures.temporaryFolder("backup").appendingPathComponent("snapshots")
        for backends in [["--store", "s3://\(bucket)"], ["--catalogue", url]] {
            let refused = try run(["backup", "--archive", root.path, "--to", target.path] + backends)
            #expect(refused.status == 2)
            #expect(refused.errors.contains("pg_dump") && refused.errors.contains("replication"), "\(refused.errors)")
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
        #expect(try run(["backup", "--archive", root.path, "--to", target.path]).status == 0)
    }
}
