import Foundation
import Testing
import TestSupport

/// A round from start to end as a clerk runs it: the round created, the registration forms by
/// their deadline (files the counties sent, and one entered by hand), the hand-ins, the reminder
/// (`status --missing`), the bureau's consolidated tables, the report for the round and the
/// county's hand-over bag.
@Suite(.serialized)
struct RoundFromStartToEndTests {
    static func run(_ arguments: [String], _ root: URL, environment: [String: String] = [:]) throws -> CommandRunner.Output {
        try CommandRunner.run(arguments + ["--archive", root.path], environment: environment)
    }

    /// "YYYY-MM-DD" `days` from today (UTC+8, the policy's zone): the round's dates are set around
    /// now, because ingest stamps items with the real clock.
    static func day(_ days: Int) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    @Test func aRoundFromStartToEnd() throws {
        let root = try ArchiveCommandTests.freshArchive()
        let created = try Self.run(["round", "create", "this", "--name", "本届科技活动周", "--week", "\(Self.day(-3))..\(Self.day(3))",
                                    "--deadline", Self.day(10), "--registration-deadline", Self.day(1),
                                    "--requires", "key-projects=1,open-institutions=1,summary=1,photo=1"], root)
        #expect(created.status == 0, "\(created.stderr)")
        // An earlier round whose dates have passed: what is handed in for it now is late.
        #expect(try Self.run(["round", "create", "last", "--name", "上届", "--week", "\(Self.day(-400))..\(Self.day(-394))",
                              "--deadline", Self.day(-387), "--registration-deadline", Self.day(-401)], root).status == 0)

        // The forms, as the counties sent them (Word, Excel), and one record typed in by hand.
        let forms = try Self.run(["ingest", "--county", "nanle", "--round", "this", "--as", "key-projects",
                                  Fixtures.form("key-projects-nanle.docx").path], root)
        #expect(forms.status == 0, "\(forms.stdout)\(forms.stderr)")
        #expect(forms.stdout.contains("2 records read"))
        #expect(try Self.run(["ingest", "--county", "qingfeng", "--round", "this", "--as", "open-institutions",
                              Fixtures.form("open-institutions-qingfeng.xlsx").path], root).status == 0)
        let byHand = try Self.run(["forms", "add", "--county", "南乐县", "--round", "this", "--form", "open-institutions",
                                   "单 位 名 称=南乐县气象局", "openingTime=5月22日", "联系方式=0393-7220000"], root)
        #expect(byHand.status == 0, "\(byHand.stderr)")

        // Mistakes are refused with what to do, and store nothing.
        let unknown = try Self.run(["forms", "add", "--county", "nanle", "--round", "this", "--form", "key-projects", "名字=x"], root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("has no field \"名字\"") && unknown.stderr.contains("项目名称"))
        #expect(try Self.run(["forms", "add", "--county", "nanle", "--round", "this", "--form", "key-projects", "项目名称"], root).status == 64)
        #expect(try Self.run(["forms", "add", "--county", "nanle", "--round", "this", "--form", "附件3", "项目名称=x"], root).status == 64)

        let listed = try #require(try JSONSerialization.jsonObject(with: Data(Self.run(["forms", "--json", "--round", "this"], root).stdout.utf8)) as? [[String: Any]])
        #expect(listed.count >= 4)
        let nanle = listed.filter { $0["county"] as? String == "nanle" }
        #expect(nanle.filter { $0["form"] as? String == "key-project" }.count == 2)
        let typed = try #require(nanle.first { $0["form"] as? String == "open-institution" })
        #expect(typed["entry"] is NSNull)
        #expect((typed["fields"] as? [String: String]) == ["institution": "南乐县气象局", "openingTime": "5月22日", "phone": "0393-7220000"])
        let onlyOpen = try JSONSerialization.jsonObject(with: Data(Self.run(["forms", "--json", "--round", "this", "--county", "nanle",
                                                                             "--form", "附件2"], root).stdout.utf8)) as? [[String: Any]]
        #expect(onlyOpen?.count == 1)

        // The hand-ins by the deadline: nanle sends its summary and a photo; qingfeng only a photo.
        #expect(try Self.run(["ingest", "--county", "nanle", "--round", "this", "--as", "summary", Fixtures.media("summary.pdf")], root).status == 0)
        #expect(try Self.run(["ingest", "--county", "nanle", "--round", "this", Fixtures.media("photo.jpg")], root).status == 0)
        #expect(try Self.run(["ingest", "--county", "qingfeng", "--round", "this", Fixtures.media("odd-59x101.jpg")], root).status == 0)
        // Last round's photo, handed in a year late.
        #expect(try Self.run(["ingest", "--county", "fanxian", "--round", "last", Fixtures.media("photo.jpg")], root).status == 0)

        // The reminder: nanle is complete; qingfeng owes its key projects and summary.
        let missing = try Self.run(["status", "--round", "this", "--county", "nanle", "--county", "qingfeng", "--missing"], root)
        #expect(missing.status == 1)
        let lines = missing.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("清丰县") == true && lines.first?.contains("key-projects") == true && lines.first?.contains("summary") == true)
        #expect(try Self.run(["status", "--round", "this", "--county", "nanle"], root).status == 0)

        // The bureau's consolidated tables, read back by openpyxl.
        let workbook = root.appendingPathComponent("备案汇总.xlsx")
        let exported = try Self.run(["forms", "export", "--round", "this", "--to", workbook.path], root)
        #expect(exported.status == 0, "\(exported.stderr)")
        if IndependentReaders.openpyxlAvailable {
            let sheets = try IndependentReaders.openpyxl(workbook)
            #expect(sheets.map(\.name) == ["附件1 重点项目备案表", "附件2 开放活动备案表"])
            #expect(sheets[0].rows.first?.prefix(3) == ["区县", "项目名称", "主办单位"])
            #expect(sheets[0].rows.dropFirst().map { $0[0] } == ["南乐县", "南乐县"])
            #expect(sheets[0].rows.dropFirst().map { $0[1] } == ["科普大篷车进乡村", "青少年科技创新成果展"])
            #expect(sheets[1].rows.first == ["区县", "单位（盖章）", "单位名称", "开放时间", "开放内容", "具体地址", "联系人", "联系方式"])
            let typedRow = try #require(sheets[1].rows.first { $0[0] == "南乐县" })
            #expect(typedRow == ["南乐县", "", "南乐县气象局", "5月22日", "", "", "", "0393-7220000"])
            #expect(sheets[1].rows.filter { $0[0] == "清丰县" }.count >= 2)
        } else {
            print(IndependentReaders.openpyxlMissingNote)
        }
        let csv = root.appendingPathComponent("备案汇总.csv")
        #expect(try Self.run(["forms", "export", "--round", "this", "--to", csv.path], root).status == 0)
        let keyProjects = try Data(contentsOf: root.appendingPathComponent("备案汇总-key-projects.csv"))
        #expect(keyProjects.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: keyProjects.dropFirst(3), as: UTF8.self).hasPrefix("区县,项目名称,主办单位,"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("备案汇总-open-institutions.csv").path))
        #expect(try Self.run(["forms", "export", "--round", "this", "--to", root.appendingPathComponent("x.docx").path], root).status == 64)

        // The report for each round: this round on time, last round's late photo late.
        let thisRound = try #require(try JSONSerialization.jsonObject(with: Data(Self.run(["report", "--json", "--round", "this"], root).stdout.utf8)) as? [[String: Any]])
        let nanleReport = try #require(thisRound.first { $0["county"] as? String == "nanle" })
        #expect(nanleReport["items"] as? Int == 3 && nanleReport["deadline"] as? String == "on time")
        #expect(thisRound.first { $0["county"] as? String == "fanxian" }?["items"] as? Int == 0)
        let lastRound = try #require(try JSONSerialization.jsonObject(with: Data(Self.run(["report", "--json", "--round", "last"], root).stdout.utf8)) as? [[String: Any]])
        #expect(lastRound.first { $0["county"] as? String == "fanxian" }?["deadline"] as? String == "late")
        #expect(lastRound.first { $0["county"] as? String == "nanle" }?["items"] as? Int == 0)
        let everything = try #require(try JSONSerialization.jsonObject(with: Data(Self.run(["report", "--json"], root).stdout.utf8)) as? [[String: Any]])
        #expect(everything.reduce(0) { $0 + ($1["items"] as? Int ?? 0) } == 6)

        // The hand-over: nanle's round as a bag with its records, naming the round.
        let bag = root.appendingPathComponent("handover-nanle")
        let handOver = try Self.run(["export", "--county", "nanle", "--round", "this", "--bagit", "--to", bag.path], root)
        #expect(handOver.status == 0, "\(handOver.stderr)")
        let info = try String(contentsOf: bag.appendingPathComponent("bag-info.txt"), encoding: .utf8)
        #expect(info.contains("Round: this 本届科技活动周"))
        #expect(info.contains("External-Identifier: media-archive:nanle:round-this"))
        let formsCSV = String(decoding: try Data(contentsOf: bag.appendingPathComponent("forms.csv")).dropFirst(3), as: UTF8.self)
        let rows = formsCSV.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("届,表,区县,项目名称,") == true)
        #expect(rows.count == 4) // header, two key projects, one open institution
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("this,附件") && $0.contains(",南乐县,") })
        if BagItChecker.isAvailable {
            let verdict = try BagItChecker.validate(bag)
            #expect(verdict.isValid, "\(verdict.message)")
            #expect(verdict.info["Round"] == "this 本届科技活动周")
        }
    }
}
