import Foundation
import Testing
import TestSupport

/// The command line's form changes are in the audit log, as the web forms' are: a record entered
/// by hand (`forms add`), and the records read from a form file handed in (`ingest`).
struct FormsAuditTests {
    static func events(_ root: URL) throws -> [[String: Any]] {
        let audit = root.appendingPathComponent("audit")
        let files = try FileManager.default.contentsOfDirectory(atPath: audit.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        return try files.flatMap { name in
            try String(contentsOf: audit.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
    }

    @Test func formsAddAndFormsReadAreAudited() throws {
        let root = try ArchiveCommandTests.freshArchive()
        let run = { (arguments: [String]) in try CommandRunner.run(arguments + ["--archive", root.path]) }
        let added = try run(["forms", "add", "--county", "nanle", "--form", "key-projects", "项目名称=科普大篷车进乡村", "--json"])
        #expect(added.status == 0, "\(added.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        let id = try #require(record["id"] as? String)

        let read = try run(["ingest", "--county", "nanle", "--as", "key-projects", Fixtures.form("key-projects-nanle.docx").path])
        #expect(read.status == 0, "\(read.stderr)")

        let events = try Self.events(root)
        let entered = try #require(events.first { $0["action"] as? String == "form.added" })
        #expect(entered["county"] as? String == "nanle" && entered["part"] as? String == "key-projects")
        #expect(entered["detail"] as? String == "record \(id)")
        #expect((entered["who"] as? [String: Any])?["role"] as? String == "cli")
        let ingest = try #require(events.first { $0["action"] as? String == "ingest.stored" })
        let forms = try #require(events.first { $0["action"] as? String == "forms.read" })
        #expect(forms["sha256"] as? String == ingest["sha256"] as? String && forms["sha256"] != nil)
        #expect(forms["detail"] as? String == "2 records read")
        #expect(forms["file"] as? String == ingest["file"] as? String)
    }
}
