import Foundation
import Testing
import TestSupport

/// An archive written by the code before schema 2 (Tests/Fixtures/archive-v1, made by its
/// script with that code's binary) reads and shows exactly as that binary showed it, in English
/// and in Chinese, as tables and as JSON — the JSON now with each entry's round and part, which
/// entries written before rounds get when read (issue 11), and nothing else changed.
struct ArchiveV1Tests {
    static let fixture = Fixtures.folder.appendingPathComponent("archive-v1")
    static let expected = fixture.appendingPathComponent("expected")

    /// A copy, so that reading (which may write caches and locks) never touches the fixture.
    func archiveCopy() throws -> URL {
        let copy = try Fixtures.temporaryFolder("archive-v1").appendingPathComponent("Archive")
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("Archive"), to: copy)
        return copy
    }

    static let languages = [("C", "C"), ("zh_CN.UTF-8", "zh")]

    func expect(_ arguments: [String], matches file: String, archive: URL, language: String) throws {
        let output = try CommandRunner.run(arguments + ["--archive", archive.path], environment: ["LANG": language])
        let recorded = try String(contentsOf: Self.expected.appendingPathComponent(file), encoding: .utf8)
        guard file.hasSuffix(".json") else {
            #expect(output.stdout == recorded, "\(arguments.joined(separator: " ")) in \(language) differs from \(file)")
            return
        }
        // The same entries, key for key and value for value, plus the round and part they are placed in.
        func entries(_ text: String) throws -> [NSDictionary] {
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
            return (value as? [NSDictionary]) ?? [value as! NSDictionary]
        }
        let shown = try entries(output.stdout), old = try entries(recorded)
        #expect(shown.count == old.count)
        for (new, before) in zip(shown, old) {
            #expect(new["round"] as? String == "2021", "\(file): an old entry belongs to the archive's one week")
            #expect(["video", "photo", "summary", "other", "media-report"].contains(new["part"] as? String ?? ""), "\(file)")
            let rest = new.mutableCopy() as! NSMutableDictionary
            rest.removeObjects(forKeys: ["round", "part"])
            #expect(rest.isEqual(to: before as! [AnyHashable: Any]), "\(arguments.joined(separator: " ")) in \(language) differs from \(file)")
        }
    }

    @Test(arguments: languages)
    func searchShowsTheOldEntriesAsBefore(language: String, tag: String) throws {
        let archive = try archiveCopy()
        try expect(["search"], matches: "search.\(tag).txt", archive: archive, language: language)
        try expect(["search", "--json"], matches: "search.\(tag).json", archive: archive, language: language)
    }

    @Test(arguments: languages)
    func showShowsEveryOldEntryAsBefore(language: String, tag: String) throws {
        let archive = try archiveCopy()
        let recorded = try FileManager.default.contentsOfDirectory(atPath: Self.expected.path)
            .filter { $0.hasPrefix("show-") && $0.hasSuffix(".\(tag).txt") }
        #expect(recorded.count >= 5)
        for file in recorded {
            let prefix = String(file.dropFirst("show-".count).prefix(8))
            try expect(["show", prefix], matches: file, archive: archive, language: language)
            try expect(["show", prefix, "--json"], matches: "show-\(prefix).\(tag).json", archive: archive, language: language)
        }
    }
}
