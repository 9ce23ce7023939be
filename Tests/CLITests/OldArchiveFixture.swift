import Foundation
import Testing
import TestSupport

/// An archive written by an older version of the tool (`Tests/Fixtures/archive-vN`, made by its
/// script with that version's binary) and what that binary showed for it (`expected/`).
struct OldArchiveFixture {
    let folder: URL
    /// Entries of schema 1 get their round and part when read (issue 11): the only keys the
    /// JSON may add. Later schemas must show every key exactly as recorded.
    let placedWhenRead: Bool

    init(_ name: String, placedWhenRead: Bool) {
        folder = Fixtures.folder.appendingPathComponent(name)
        self.placedWhenRead = placedWhenRead
    }

    var expected: URL { folder.appendingPathComponent("expected") }

    /// A copy, so that reading (which may write caches and locks) never touches the fixture.
    func archiveCopy() throws -> URL {
        let copy = try Fixtures.temporaryFolder(folder.lastPathComponent).appendingPathComponent("Archive")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("Archive"), to: copy)
        return copy
    }

    static let languages = [("C", "C"), ("zh_CN.UTF-8", "zh")]

    /// The names of the recorded `show` outputs in the language tagged `tag`.
    func recordedShows(tag: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: expected.path)
            .filter { $0.hasPrefix("show-") && $0.hasSuffix(".\(tag).txt") }
    }

    /// Tables byte for byte; JSON key for key and value for value.
    func expect(_ arguments: [String], matches file: String, archive: URL, language: String) throws {
        let output = try CommandRunner.run(arguments + ["--archive", archive.path], environment: ["LANG": language])
        let recorded = try String(contentsOf: expected.appendingPathComponent(file), encoding: .utf8)
        let command = "\(arguments.joined(separator: " ")) in \(language)"
        guard file.hasSuffix(".json") else {
            #expect(output.stdout == recorded, "\(command) differs from \(file)")
            return
        }
        func entries(_ text: String) throws -> [NSDictionary] {
            let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
            return (value as? [NSDictionary]) ?? [value as! NSDictionary]
        }
        let shown = try entries(output.stdout), old = try entries(recorded)
        #expect(shown.count == old.count)
        for (new, before) in zip(shown, old) {
            let rest = new.mutableCopy() as! NSMutableDictionary
            if placedWhenRead {
                #expect(new["round"] as? String == "2021", "\(file): an old entry belongs to the archive's one week")
                #expect(["video", "photo", "summary", "other", "media-report"].contains(new["part"] as? String ?? ""), "\(file)")
                rest.removeObjects(forKeys: ["round", "part"])
            }
            #expect(rest.isEqual(to: before as! [AnyHashable: Any]), "\(command) differs from \(file)")
        }
    }

    /// `search` and `search --json` on a copy show what was recorded.
    func expectSearchAsRecorded(language: String, tag: String) throws {
        let archive = try archiveCopy()
        try expect(["search"], matches: "search.\(tag).txt", archive: archive, language: language)
        try expect(["search", "--json"], matches: "search.\(tag).json", archive: archive, language: language)
    }

    /// `show` and `show --json` of every recorded entry (at least `minimum`) show what was recorded.
    func expectEveryShowAsRecorded(language: String, tag: String, minimum: Int) throws {
        let archive = try archiveCopy()
        let recorded = try recordedShows(tag: tag)
        #expect(recorded.count >= minimum)
        for file in recorded {
            let prefix = String(file.dropFirst("show-".count).prefix(8))
            try expect(["show", prefix], matches: file, archive: archive, language: language)
            try expect(["show", prefix, "--json"], matches: "show-\(prefix).\(tag).json", archive: archive, language: language)
        }
    }
}
