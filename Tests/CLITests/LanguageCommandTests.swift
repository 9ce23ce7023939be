import Foundation
import Testing
import TestSupport

/// The command line speaks the reader's language (LC_ALL, LC_MESSAGES, LANG): Chinese for
/// county staff, English otherwise; JSON keeps its keys either way.
struct LanguageCommandTests {
    func check(_ names: [String], _ flags: [String] = [], environment: [String: String]) throws -> CommandRunner.Output {
        try CommandRunner.run(["check"] + flags + names.map(Fixtures.media), environment: environment)
    }

    @Test func chineseLocaleGetsAChineseVerdictAndReason() throws {
        let output = try check(["clip-181s.mp4", "clip-179.9s.mp4", "text.mp4"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(output.status == 2)
        #expect(output.stdout.contains("结论"))
        #expect(output.stdout.contains("不合格"))
        #expect(output.stdout.contains("3:01.00 — 超出 3 分钟上限 1 秒；请剪辑后重新检查"))
        #expect(output.stdout.contains("2:59.90 — 未超过 3 分钟上限"))
        #expect(output.stdout.contains("这是文本文件，不是视频或照片"))
        #expect(output.stdout.contains("共 3 个文件：1 个合格，1 个不合格，1 个无法读取"))
        #expect(!output.stdout.contains("FAIL"))
        #expect(!output.stdout.contains("over the"))
    }

    @Test func cLocaleGetsEnglish() throws {
        let output = try check(["clip-181s.mp4"], environment: ["LANG": "C"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("FAIL"))
        #expect(output.stdout.contains("3:01.00 — 1 s over the 3:00 limit; trim it and check again"))
        #expect(output.stdout.contains("1 file: 0 OK, 1 failed, 0 unreadable"))
        #expect(!output.stdout.contains("不合格"))
    }

    @Test func lcAllWinsOverLang() throws {
        let chinese = try check(["clip-181s.mp4"], environment: ["LANG": "C", "LC_ALL": "zh_CN.UTF-8"])
        #expect(chinese.stdout.contains("超出 3 分钟上限"))
        let english = try check(["clip-181s.mp4"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"])
        #expect(english.stdout.contains("over the 3:00 limit"))
    }

    @Test func jsonKeepsItsKeysAndSpeaksTheReadersLanguage() throws {
        let keys: Set = ["path", "kind", "verdict", "reasons", "warnings", "durationSeconds",
                         "durationSource", "format", "video", "audio", "error"]
        var reasons: [String: [String]] = [:]
        for lang in ["zh_CN.UTF-8", "C"] {
            let output = try check(["clip-181s.mp4", "text.mp4"], ["--json"], environment: ["LANG": lang])
            let results = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
            for result in results { #expect(Set(result.keys) == keys) }
            #expect(results[0]["verdict"] as? String == "fail")
            #expect(results[1]["verdict"] as? String == "error")
            reasons[lang] = results.compactMap { ($0["reasons"] as? [String])?.first }
        }
        #expect(reasons["zh_CN.UTF-8"] == ["3:01.00 — 超出 3 分钟上限 1 秒；请剪辑后重新检查", "这是文本文件，不是视频或照片；请索取真正的文件"])
        #expect(reasons["C"] == ["3:01.00 — 1 s over the 3:00 limit; trim it and check again", "this is a text file, not a video or photo; ask for the real file"])
    }

    @Test func anUnknownCountyIsExplainedInChineseWithTheCountiesChineseNames() throws {
        let root = try Fixtures.temporaryFolder("cli-archive")
        let output = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "北京", Fixtures.media("photo.jpg")],
                                           environment: ["LANG": "zh_CN.UTF-8"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("没有这个县区：“北京”"))
        #expect(output.stderr.contains("华龙区（hualong，410902）"))
        #expect(output.stderr.contains("市直单位（shizhi）"))
    }

    @Test func ingestReceiptsAndSummaryAreInChinese() throws {
        let root = try Fixtures.temporaryFolder("cli-archive")
        let output = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "nanle",
                                            Fixtures.media("clip-179.9s.mp4"), Fixtures.media("clip-181s.mp4")],
                                           environment: ["LANG": "zh_CN.UTF-8"])
        #expect(output.status == 1)
        #expect(output.stdout.contains("已存档"))
        #expect(output.stdout.contains("拒收"))
        #expect(output.stdout.contains("超出 3 分钟上限 1 秒"))
        #expect(output.stdout.contains("共 2 个文件：1 个已存档，0 个重复，1 个拒收"))

        let search = try CommandRunner.run(["search", "--archive", root.path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(search.stdout.contains("南乐县"))
        #expect(search.stdout.contains("视频"))
        #expect(search.stdout.contains("共 1 条"))
    }

    /// The catalogue keeps each entry's sentences in Chinese too; `show` gives a Chinese reader those.
    @Test func showGivesAnEntrysWarningsInTheReadersLanguage() throws {
        let root = try Fixtures.temporaryFolder("cli-archive")
        // The default deadline (2021-06-04) makes today's ingest late: a warning on the entry.
        let ingest = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "nanle", "--json",
                                            Fixtures.media("clip-179.9s.mp4")])
        let receipts = try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [[String: Any]])
        let prefix = String(try #require(receipts.first?["sha256"] as? String).prefix(12))
        let chinese = try CommandRunner.run(["show", "--archive", root.path, prefix], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.contains("已过截止日期 2021-06-04"))
        #expect(!chinese.stdout.contains("after the deadline"))
        let english = try CommandRunner.run(["show", "--archive", root.path, prefix])
        #expect(english.stdout.contains("after the deadline 2021-06-04"))
    }

    @Test func aMistypedArchiveIsNotReadAsAnEmptyOne() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-archive-\(UUID().uuidString)").path
        let chinese = try CommandRunner.run(["search", "--archive", missing], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("不是档案"))
        let english = try CommandRunner.run(["verify", "--archive", missing])
        #expect(english.status == 2)
        #expect(english.stderr.contains("is not an archive"))
        #expect(!english.stdout.contains("intact"))
    }
}
