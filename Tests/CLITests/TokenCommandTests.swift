import Foundation
import Testing
import TestSupport

/// `token create / list / revoke` as the archive's keeper runs them.
struct TokenCommandTests {
    @Test func createPrintsTheTokenOnceAndListNeverShowsIt() throws {
        let root = try ArchiveCommandTests.freshArchive()
        let created = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "clerk", "--name", "南乐县"])
        #expect(created.status == 0, "\(created.stderr)")
        let secret = try #require(created.stdout.split(whereSeparator: \.isWhitespace)
            .first { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }.map(String.init))
        #expect(created.stdout.contains("Authorization: Bearer"))
        #expect(created.stdout.contains("/login"))

        let list = try CommandRunner.run(["token", "list", "--archive", root.path])
        #expect(list.status == 0)
        #expect(list.stdout.contains("南乐县") && list.stdout.contains("clerk"))
        #expect(!list.stdout.contains(secret))
        let json = try CommandRunner.run(["token", "list", "--archive", root.path, "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(entries.count == 1)
        #expect(Set(entries[0].keys) == ["id", "role", "name", "createdAt"])
        #expect(entries[0]["role"] == "clerk")
        #expect(!json.stdout.contains(secret))
        let stored = try String(contentsOf: root.appendingPathComponent("tokens.json"), encoding: .utf8)
        #expect(!stored.contains(secret))
    }

    @Test func revokeByNameOrIdAndItsExitCodes() throws {
        let root = try ArchiveCommandTests.freshArchive()
        let created = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "archivist", "--json"])
        let token = try #require(try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: String])
        let id = try #require(token["id"])
        #expect(token["token"]?.count == 64)
        _ = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "clerk", "--name", "华龙区"])

        let byID = try CommandRunner.run(["token", "revoke", "--archive", root.path, id])
        #expect(byID.status == 0)
        #expect(byID.stdout.contains(id))
        let byName = try CommandRunner.run(["token", "revoke", "--archive", root.path, "华龙区"])
        #expect(byName.status == 0)
        let again = try CommandRunner.run(["token", "revoke", "--archive", root.path, "华龙区"])
        #expect(again.status == 64)
        #expect(again.stderr.contains("华龙区"))
        let list = try CommandRunner.run(["token", "list", "--archive", root.path, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func badRolesDuplicateNamesAndBrokenFilesAreRefused() throws {
        let root = try ArchiveCommandTests.freshArchive()
        let badRole = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "admin"])
        #expect(badRole.status == 64)
        #expect(badRole.stderr.contains("clerk"))
        _ = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "clerk", "--name", "清丰县"])
        let duplicate = try CommandRunner.run(["token", "create", "--archive", root.path, "--role", "clerk", "--name", "清丰县"])
        #expect(duplicate.status == 64)
        #expect(duplicate.stdout.isEmpty, "no secret is printed for a token that was not made")

        try Data("{not json".utf8).write(to: root.appendingPathComponent("tokens.json"))
        let broken = try CommandRunner.run(["token", "list", "--archive", root.path])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("tokens.json"))
    }
}
