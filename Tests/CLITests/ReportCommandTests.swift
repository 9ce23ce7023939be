import Foundation
import Testing
import TestSupport

/// `media-archive report` as the bureau reads it.
struct ReportCommandTests {
    func archive() throws -> URL {
        let root = try Fixtures.temporaryFolder("cli-archive")
        let hualong = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "hualong", "--accept-failing",
                                             Fixtures.media("clip-179.9s.mp4"), Fixtures.media("clip-181s.mp4"),
                                             Fixtures.media("photo.jpg")])
        #expect(hualong.status == 0, "\(hualong.stderr)")
        let nanle = try CommandRunner.run(["ingest", "--archive", root.path, "--county", "南乐县", Fixtures.media("summary.pdf")])
        #expect(nanle.status == 0, "\(nanle.stderr)")
        return root
    }

    @Test func tableShowsEveryCountyAndWhoSubmittedNothing() throws {
        let output = try CommandRunner.run(["report", "--archive", try archive().path])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("COUNTY") == true)
        #expect(lines.contains { $0.hasPrefix("华龙区") && $0.contains("6.0") })
        // Ingested today, long after the 2021 deadline.
        #expect(lines.contains { $0.hasPrefix("华龙区") && $0.contains("3 after the deadline") })
        #expect(lines.contains { $0.hasPrefix("范县") && $0.contains("nothing submitted") })
        #expect(lines.last == "Nothing submitted: 清丰县、范县、台前县、濮阳县、工业园区、开发区、示范区、市直单位")
    }

    @Test func jsonIsOneObjectPerCounty() throws {
        let output = try CommandRunner.run(["report", "--archive", try archive().path, "--json"])
        #expect(output.status == 0)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(reports.count == 10)
        #expect(reports.map { $0["county"] as? String } == ["hualong", "qingfeng", "nanle", "fanxian", "taiqian",
                                                              "puyangxian", "gongyeyuanqu", "kaifaqu", "shifanqu", "shizhi"])
        let hualong = reports[0]
        #expect(hualong["name"] as? String == "华龙区")
        #expect(hualong["items"] as? Int == 3)
        #expect((hualong["byKind"] as? [String: Int])?["video"] == 2)
        #expect((hualong["byKind"] as? [String: Int])?["photo"] == 1)
        #expect(hualong["videoMinutes"] as? Double == 6.0)
        #expect(hualong["failing"] as? Int == 1)
        #expect(hualong["warned"] as? Int == 3)
        #expect(hualong["deadline"] as? String == "late")
        #expect(hualong["lateItems"] as? Int == 3)
        #expect((hualong["firstIngest"] as? String)?.count == 25)
        let qingfeng = reports[1]
        #expect(qingfeng["deadline"] as? String == "nothing submitted")
        #expect(qingfeng["items"] as? Int == 0)
        #expect(qingfeng["lastIngest"] is NSNull)
        #expect(reports[2]["byKind"] as? [String: Int] == ["video": 0, "photo": 0, "document": 1, "audio": 0, "unknown": 0, "link": 0])
    }

    @Test func anEmptyArchiveReportsNothingSubmittedEverywhere() throws {
        let output = try CommandRunner.run(["report", "--archive", try Fixtures.temporaryFolder("cli-archive").path, "--json"])
        #expect(output.status == 0)
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(reports.allSatisfy { $0["deadline"] as? String == "nothing submitted" })
    }
}
