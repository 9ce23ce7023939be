import Foundation
import Testing
import TestSupport

/// `media-archive check` as county staff and scripts use it: table, JSON and exit codes.
struct CheckCommandTests {
    func check(_ names: [String], _ flags: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.run(["check"] + flags + names.map(Fixtures.media))
    }

    func json(_ output: CommandRunner.Output) throws -> [[String: Any]] {
        try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    }

    @Test func exitsZeroWhenEveryFilePasses() throws {
        let output = try check(["clip-179.9s.mp4", "clip-180.0s.mp4", "photo.jpg"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("2:59.90"))
        #expect(output.stdout.contains("3 files: 3 OK, 0 failed, 0 unreadable"))
    }

    @Test func exitsOneWhenAVideoIsTooLong() throws {
        let output = try check(["clip-179.9s.mp4", "clip-181s.mp4"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("1 s over the 3:00 limit; trim it and check again"))
    }

    @Test func exitsTwoWhenAFileCannotBeReadEvenIfAnotherFails() throws {
        let output = try check(["clip-181s.mp4", "random.mp4", "clip-179.9s.mp4"])
        #expect(output.status == 2)
        #expect(output.stdout.contains("UNREADABLE"))
        #expect(output.stdout.contains("FAIL"))
        #expect(output.stdout.contains("OK"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CommandRunner.run(["check"]).status == 64)
        #expect(try CommandRunner.run(["check", "--no-such-flag", Fixtures.media("photo.jpg")]).status == 64)
    }

    @Test func jsonHasEveryDocumentedKey() throws {
        let output = try check(["phone-rotated.mp4", "text.mp4"], ["--json"])
        #expect(output.status == 2)
        let results = try json(output)
        #expect(results.count == 2)
        let keys: Set = ["path", "kind", "verdict", "reasons", "warnings", "durationSeconds",
                         "durationSource", "format", "video", "audio", "error"]
        for result in results { #expect(Set(result.keys) == keys) }

        let video = results[0]
        #expect(video["kind"] as? String == "video")
        #expect(video["verdict"] as? String == "pass")
        #expect(video["durationSource"] as? String == "container")
        #expect(abs((video["durationSeconds"] as? Double ?? 0) - 3.0) < 0.1)
        let stream = try #require(video["video"] as? [String: Any])
        #expect(stream["codec"] as? String == "h264")
        #expect(stream["rotation"] as? Double == -90)
        #expect(stream["width"] as? Int == 96)
        let audio = try #require(video["audio"] as? [String: Any])
        #expect(audio["codec"] as? String == "aac")

        let text = results[1]
        #expect(text["verdict"] as? String == "error")
        #expect(text["kind"] as? String == "unknown")
        #expect((text["error"] as? String)?.contains("text file") == true)
        #expect(text["durationSeconds"] is NSNull)
    }

    @Test func chineseNamesWithSpacesWork() throws {
        let output = try check(["县 科技周 开幕式.mp4"], ["--json"])
        #expect(output.status == 0)
        #expect((try json(output).first?["path"] as? String)?.hasSuffix("县 科技周 开幕式.mp4") == true)
    }

    @Test func aFolderIsCheckedRecursively() throws {
        let output = try CommandRunner.run(["check", "--json", Fixtures.folder.appendingPathComponent("media").path])
        let results = try json(output)
        let fixtureCount = try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.appendingPathComponent("media").path)
            .filter { !$0.hasPrefix(".") }.count
        #expect(results.count == fixtureCount)
        #expect(output.status == 2)
    }

    @Test func theBundledSamplesGiveAVerdictEach() throws {
        let output = try CommandRunner.run(["check", "Samples"], in: Fixtures.packageRoot)
        #expect(output.status == 1)
        #expect(output.stdout.contains("华龙区-科技周开幕式.mp4"))
        #expect(output.stdout.contains("12 s over the 3:00 limit"))
        #expect(output.stdout.contains("cut off"))
        #expect(output.stdout.contains("5 files: 3 OK, 2 failed, 0 unreadable"))
    }

    @Test func aBrokenPolicyFileIsReportedAndExitsTwo() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data("{ not json".utf8).write(to: folder.appendingPathComponent("policy.json"))
        let output = try CommandRunner.run(["check", "--archive", folder.path, Fixtures.media("photo.jpg")])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: "))
        #expect(output.stderr.contains("policy.json"))
    }

    @Test func aStricterPolicyFromTheArchiveApplies() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data(#"{"maxVideoSeconds": 120}"#.utf8).write(to: folder.appendingPathComponent("policy.json"))
        let output = try CommandRunner.run(["check", Fixtures.media("clip-179.9s.mp4")],
                                           environment: ["MEDIA_ARCHIVE": folder.path])
        #expect(output.status == 1)
        #expect(output.stdout.contains("over the 2:00 limit"))
    }
}

struct CountiesCommandTests {
    @Test func listsTheRegistry() throws {
        let output = try CommandRunner.run(["counties"], in: Fixtures.packageRoot)
        #expect(output.status == 0)
        #expect(output.stdout.contains("qingfeng"))
        #expect(output.stdout.contains("清丰县"))
        #expect(output.stdout.contains("410922"))
    }
}
