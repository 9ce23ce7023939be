import Foundation
import Testing
import TestSupport

/// What the bureau's IT person runs: --version, audit, backup, restore, backup --check.
struct ServiceCommandTests {
    func json(_ output: CommandRunner.Output) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    @Test func versionIsPrinted() throws {
        let output = try CommandRunner.run(["--version"])
        #expect(output.status == 0)
        let version = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.split(separator: ".").allSatisfy { Int($0) != nil },
                "a Debian version number, as the package is named after it: \(version)")
    }

    @Test func auditShowsWhatTheCommandLineIngestedAndWhichTokensWereMade() throws {
        let root = try ArchiveCommandTests.freshArchive()
        let token = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "clerk", "--name", "南乐县 clerk"])
        #expect(token.status == 0, "\(token.stderr)")
        let ingest = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "南乐县", Fixtures.media("photo.jpg"), Fixtures.media("text.mp4")])
        #expect(ingest.status == 2, "text.mp4 cannot be read")
        _ = try CommandRunner.run(["token", "revoke", "--archive", root.path, "南乐县 clerk"])

        let all = try #require(try json(CommandRunner.run(["audit", "--archive", root.path, "--json"])) as? [[String: Any]])
        #expect(all.map { $0["action"] as? String } == ["token.created", "ingest.stored", "ingest.rejected", "token.revoked"])
        #expect((all[1]["who"] as? [String: String])?["role"] == "cli")
        #expect(all[1]["county"] as? String == "nanle")
        #expect(all[1]["file"] as? String == Fixtures.media("photo.jpg"))
        #expect((all[0]["detail"] as? String)?.contains("南乐县 clerk") == true)

        let nanle = try #require(try json(CommandRunner.run(["audit", "--archive", root.path, "--county", "410923", "--json"])) as? [[String: Any]])
        #expect(nanle.count == 2, "only the ingests name a county")
        let table = try CommandRunner.run(["audit", "--archive", root.path, "--county", "nanle"])
        #expect(table.status == 0 && table.stdout.contains("ingest.stored") && table.stdout.contains("photo.jpg"))
        let longAgo = try CommandRunner.run(["audit", "--archive", root.path, "--to", "2020-01-01"])
        #expect(longAgo.stdout.contains("No audit events"))
        let backwards = try CommandRunner.run(["audit", "--archive", root.path, "--from", "2021-06-04", "--to", "2021-06-01"])
        #expect(backwards.status == 64)
    }

    @Test func backupRestoreVerifyAndCheckFromTheCommandLine() throws {
        let root = try ArchiveCommandTests.freshArchive()
        _ = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "hualong", Fixtures.media("photo.jpg"), Fixtures.media("clip-179.9s.mp4")])
        let backup = try Fixtures.temporaryFolder("backup")
        let first = try CommandRunner.run(["backup", "--archive", root.path, "--to", backup.path, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let made = try #require(try json(first) as? [String: Any])
        #expect(made["objectsCopied"] as? Int == 2)
        #expect((made["bytesCopied"] as? Int ?? 0) > 0)
        let again = try #require(try json(CommandRunner.run(["backup", "--archive", root.path, "--to", backup.path, "--json"])) as? [String: Any])
        #expect(again["objectsCopied"] as? Int == 0)

        // The manifest is sha256sum's own format: the backup can be checked without this program.
        let snapshot = try #require(again["snapshot"] as? String)
        let sha256sum = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), ["--check", "--quiet", "\(snapshot)/manifest-sha256.txt"], in: backup)
        #expect(sha256sum.status == 0, "\(sha256sum.stdout)\(sha256sum.stderr)")

        let check = try CommandRunner.run(["backup", "--check", backup.path])
        #expect(check.status == 0 && check.stdout.contains("The backup is intact"))
        let restored = try Fixtures.temporaryFolder("restored").appendingPathComponent("new")
        let restore = try CommandRunner.run(["restore", "--from", backup.path, "--archive", restored.path])
        #expect(restore.status == 0, "\(restore.stderr)")
        let verify = try CommandRunner.run(["verify", "--archive", restored.path])
        #expect(verify.status == 0, "\(verify.stdout)")
        let intoItself = try CommandRunner.run(["restore", "--from", backup.path, "--archive", root.path])
        #expect(intoItself.status == 2 && intoItself.stderr.contains("is not empty"))
        let neither = try CommandRunner.run(["backup", "--archive", root.path])
        #expect(neither.status == 64)
    }
}
