import Foundation
import Testing
import TestSupport

/// `media-archive export` as an archivist runs it: a folder to hand over, JSON and exit codes.
struct ExportCommandTests {
    /// An archive where 华龙区 handed in two clips both named 开幕式.mp4 and a PDF.
    func archive() throws -> URL {
        let root = try Fixtures.temporaryFolder("cli-archive")
        let handIn = try Fixtures.temporaryFolder("hand-in")
        var paths: [String] = []
        for (index, (fixture, name)) in [("clip-179.9s.mp4", "开幕式.mp4"), ("phone-rotated.mp4", "开幕式.mp4"),
                                          ("summary.pdf", "总结.pdf")].enumerated() {
            let folder = handIn.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.media(fixture), toPath: folder.appendingPathComponent(name).path)
            paths.append(folder.appendingPathComponent(name).path)
        }
        let ingest = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "华龙区"] + paths)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return root
    }

    func json(_ output: CommandRunner.Output) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    func destination() throws -> URL {
        try Fixtures.temporaryFolder("cli-export").appendingPathComponent("hand-over")
    }

    @Test func exportsWithReadableNamesAndExitsZero() throws {
        let root = try archive()
        let to = try destination()
        let output = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", to.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("华龙区: 3 files"))
        let names = try FileManager.default.contentsOfDirectory(atPath: to.path).sorted()
        #expect(names.count == 5)
        #expect(names.contains { $0.hasSuffix(" 开幕式.mp4") })
        #expect(names.contains { $0.hasSuffix(" 开幕式 (2).mp4") })
        #expect(names.contains { $0.hasSuffix(" 总结.pdf") })
        #expect(names.contains("manifest.json") && names.contains("manifest.csv"))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let root = try archive()
        let to = try destination()
        let output = try CommandRunner.run(["export", "--archive", root.path, "--county", "410902", "--to", to.path, "--json"])
        #expect(output.status == 0)
        let result = try json(output)
        #expect(Set(result.keys) == ["county", "name", "to", "from", "until", "files", "bytes", "bagit", "manifest",
                                     "problems", "exported"])
        #expect(result["county"] as? String == "hualong")
        #expect(result["files"] as? Int == 3)
        #expect(result["bagit"] as? Bool == false)
        #expect(result["to"] as? String == to.path)
        let exported = try #require(result["exported"] as? [[String: String]])
        #expect(exported.count == 3)
        for file in exported {
            #expect(file["sha256"]?.count == 64)
            #expect(FileManager.default.fileExists(atPath: to.appendingPathComponent(file["file"] ?? "").path))
        }
    }

    @Test func aDamagedObjectExitsOneAndTheRestIsExported() throws {
        let root = try archive()
        let search = try CommandRunner.run(["search", "--archive", root.path, "--kind", "document", "--json"])
        let entry = try #require((try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [[String: Any]])?.first)
        let object = root.appendingPathComponent(try #require(entry["object"] as? String))
        var bytes = try Data(contentsOf: object)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: object)

        let to = try destination()
        let output = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", to.path, "--json"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error: 总结.pdf"))
        #expect(output.stderr.contains("damaged"))
        let result = try json(output)
        #expect(result["files"] as? Int == 2)
        let problems = try #require(result["problems"] as? [[String: Any]])
        #expect(problems.count == 1)
        #expect(problems.first?["problem"] as? String == "corrupt")
        #expect(problems.first?["sha256"] as? String == entry["sha256"] as? String)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: to.path)).contains { $0.hasSuffix(".pdf") })
    }

    @Test func aFolderThatHoldsFilesExitsTwoAndIsUntouched() throws {
        let root = try archive()
        let to = try Fixtures.temporaryFolder("cli-export")
        try Data("old".utf8).write(to: to.appendingPathComponent("notes.txt"))
        let output = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", to.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("not empty"))
        #expect(output.stderr.contains("nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: to.path) == ["notes.txt"])
    }

    @Test func aFolderThatCannotBeCreatedExitsTwo() throws {
        let root = try archive()
        let file = try Fixtures.temporaryFolder("cli-export").appendingPathComponent("a-file")
        try Data().write(to: file)
        let output = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong",
                                           "--to", file.appendingPathComponent("sub").path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("cannot be created (Not a directory)"))
    }

    @Test func dayBoundsAreFromAndUntil() throws {
        let root = try archive()
        // Everything was ingested (and so dated) today.
        let today = try #require(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("hualong/index/days").path)
            .first.map { year in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("hualong/index/days/\(year)").path) }?
            .first.map { String($0.prefix(10)) })
        let within = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", try destination().path,
                                            "--from", today, "--until", today, "--json"])
        #expect(try json(within)["files"] as? Int == 3)
        let before = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", try destination().path,
                                            "--until", "2021-05-28", "--json"])
        #expect(before.status == 0)
        #expect(try json(before)["files"] as? Int == 0)
        #expect(try json(before)["until"] as? String == "2021-05-28")
    }

    @Test func usageErrorsExit64() throws {
        let root = try archive()
        let to = try destination().path
        #expect(try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong"]).status == 64)
        #expect(try CommandRunner.run(["export", "--archive", root.path, "--to", to]).status == 64)
        #expect(try CommandRunner.run(["export", "--archive", root.path, "--county", "nowhere", "--to", to]).status == 64)
        #expect(try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", to, "--from", "23/05/2021"]).status == 64)
        let backwards = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", to,
                                               "--from", "2021-05-28", "--until", "2021-05-22"])
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("after --until"))
        #expect(!FileManager.default.fileExists(atPath: to))
    }

    @Test(.enabled(if: BagItChecker.isAvailable, Comment(rawValue: BagItChecker.missingNote)))
    func bagitWritesAValidBag() throws {
        let root = try archive()
        let to = try destination()
        let output = try CommandRunner.run(["export", "--archive", root.path, "--county", "hualong", "--to", to.path, "--bagit", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        let result = try json(output)
        #expect(result["bagit"] as? Bool == true)
        #expect(result["manifest"] as? String == "catalogue.json")
        let verdict = try BagItChecker.validate(to)
        #expect(verdict.isValid, "\(verdict.message)")
        #expect(verdict.info["Source-Organization"] == "华龙区")
        #expect(verdict.payload.count == 3)
        #expect(verdict.payload.keys.contains { $0.hasPrefix("data/") && $0.hasSuffix(" 开幕式 (2).mp4") })
    }

    @Test func helpNamesTheDateFlags() throws {
        let help = try CommandRunner.run(["export", "--help"])
        #expect(help.stdout.contains("--from"))
        #expect(help.stdout.contains("--until"))
        #expect(help.stdout.contains("--bagit"))
    }
}
