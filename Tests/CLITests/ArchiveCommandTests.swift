import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The archive commands as clerks and scripts use them, including crashes and two clerks at once.
struct ArchiveCommandTests {
    static func freshArchive() throws -> URL {
        let root = try Fixtures.temporaryFolder("archive")
        for file in ["policy.json", "counties.json"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Archive/\(file)"),
                                            to: root.appendingPathComponent(file))
        }
        return root
    }

    static func json(_ output: CommandRunner.Output) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    static let batch = ["clip-179.9s.mp4", "clip-180.0s.mp4", "phone-rotated.mp4", "hevc.mov", "sample.avi",
                        "photo.jpg", "summary.pdf", "iphone-tagged.mov", "android-tagged.mp4", "县 科技周 开幕式.mp4"]

    @Test func ingestPrintsReceiptsAndExitCodes() throws {
        let root = try Self.freshArchive()
        let output = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "南乐县", "--json",
                                            Fixtures.media("clip-179.9s.mp4"), Fixtures.media("clip-181s.mp4")])
        #expect(output.status == 1) // one rejected
        let receipts = try #require(try Self.json(output) as? [[String: Any]])
        #expect(receipts.map { $0["status"] as? String } == ["stored", "rejected"])
        #expect(receipts[0]["county"] as? String == "nanle")
        #expect((receipts[0]["sha256"] as? String)?.count == 64)
        for key in ["path", "status", "sha256", "county", "reasons"] { #expect(receipts[1].keys.contains(key)) }

        let unreadable = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "nanle",
                                                Fixtures.media("text.mp4"), Fixtures.media("clip-181s.mp4")])
        #expect(unreadable.status == 2) // 2 wins over 1
        #expect(unreadable.stdout.contains("REJECTED"))
    }

    @Test func anUnknownCountyIsAUsageErrorListingTheKnownOnes() throws {
        let root = try Self.freshArchive()
        let output = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "atlantis", Fixtures.media("photo.jpg")])
        #expect(output.status == 64)
        #expect(output.stderr.contains("hualong (华龙区)"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("atlantis").path))
    }

    @Test func searchShowAndVerifyFromTheCommandLine() throws {
        let root = try Self.freshArchive()
        _ = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "hualong"] + Self.batch.map(Fixtures.media))
        let week = try CommandRunner.run(["search", "--archive", root.path, "--county", "410902",
                                          "--from", "2021-05-22", "--to", "2021-05-28", "--json"])
        #expect(week.status == 0)
        let entries = try #require(try Self.json(week) as? [[String: Any]])
        // Only the two tagged phone clips were captured that week (23 and 24 May); the rest
        // have no capture time and are filed under today's ingest.
        #expect(entries.compactMap { ($0["originalNames"] as? [String])?.first } == ["iphone-tagged.mov", "android-tagged.mp4"])
        let keys: Set = ["sha256", "county", "kind", "originalNames", "bytes", "format", "object", "thumbnail",
                         "ingestedAt", "capturedAt", "durationSeconds", "verdict", "warnings", "camera", "gps",
                         "title", "schemaVersion"]
        #expect(keys.isSubset(of: Set(entries[0].keys)))
        let sha = try #require(entries[0]["sha256"] as? String)

        let show = try CommandRunner.run(["show", "--archive", root.path, String(sha.prefix(10))])
        #expect(show.status == 0)
        #expect(show.stdout.contains("iphone-tagged.mov"))
        #expect(try CommandRunner.run(["show", "--archive", root.path, "abcdef0"]).status == 1)
        #expect(try CommandRunner.run(["search", "--archive", root.path, "--from", "23 May"]).status == 64)

        let verify = try CommandRunner.run(["verify", "--archive", root.path, "--json"])
        #expect(verify.status == 0)
        let report = try #require(try Self.json(verify) as? [String: Any])
        #expect(report["checked"] as? Int == Self.batch.count)
        for key in ["checked", "ok", "corrupt", "missing", "orphaned"] { #expect(report.keys.contains(key)) }
    }

    /// Kills an ingest with SIGKILL at a random moment, in a fresh archive each round so the
    /// kill lands in first-time stores (copy, rename, thumbnail, catalogue). Afterwards nothing
    /// catalogued may be corrupt or missing, and re-running the ingest completes it.
    @Test func killedIngestsLoseNothingAndARerunCompletes() throws {
        let files = Self.batch.map(Fixtures.media)
        var generator = SystemRandomNumberGenerator()
        var interrupted = 0
        for _ in 0..<15 {
            let root = try Self.freshArchive()
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["ingest", "--archive", root.path, "--county", "qingfeng"] + files
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // A whole run of this batch takes about 100 ms, so most kills land part-way through.
            usleep(UInt32.random(in: 2_000...90_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 }

            let verify = try CommandRunner.run(["verify", "--archive", root.path, "--json"])
            let report = try #require(try Self.json(verify) as? [String: Any])
            #expect((report["corrupt"] as? [String])?.isEmpty == true, "\(verify.stdout)")
            #expect((report["missing"] as? [String])?.isEmpty == true, "\(verify.stdout)")

            let rerun = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "qingfeng"] + files)
            #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
            let clean = try CommandRunner.run(["verify", "--archive", root.path])
            #expect(clean.status == 0, "\(clean.stdout)")
            let search = try CommandRunner.run(["search", "--archive", root.path, "--json"])
            let entries = try #require(try Self.json(search) as? [[String: Any]])
            #expect(entries.count == files.count) // each file exactly once
        }
        #expect(interrupted > 0)
    }

    /// Two clerks ingest overlapping batches for the same county at the same moment.
    @Test func twoProcessesIngestingAtOnceLoseNothing() throws {
        let root = try Self.freshArchive()
        let first = Array(Self.batch[0..<7]).map(Fixtures.media)
        let second = Array(Self.batch[3..<10]).map(Fixtures.media)
        let processes = [first, second].map { files -> Process in
            let process = Process()
            process.executableURL = CommandRunner.binary
            process.arguments = ["ingest", "--archive", root.path, "--county", "fanxian"] + files
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })

        let search = try CommandRunner.run(["search", "--archive", root.path, "--county", "fanxian", "--json"])
        let entries = try #require(try Self.json(search) as? [[String: Any]])
        #expect(entries.count == Self.batch.count)
        #expect(Set(entries.compactMap { $0["sha256"] as? String }).count == Self.batch.count)
        #expect(try CommandRunner.run(["verify", "--archive", root.path]).status == 0)
    }
}
