import Foundation
@testable import MediaArchive
import Testing
import TestSupport

/// `export`: a county's files handed over under readable names, verified, with a manifest.
struct HandOverExportTests {
    /// 华龙区 handed in two different clips both named 开幕式.mp4, a photo named as a video, a
    /// PDF and an iPhone clip captured on 2021-05-23.
    func hualongArchive() throws -> TestArchive {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "开幕式.mp4"), ("phone-rotated.mp4", "开幕式.mp4"),
                            ("photo-named-video.mp4", "活动照片.mp4"), ("summary.pdf", "总结.pdf"),
                            ("iphone-tagged.mov", "科技周开幕式.mov")], county: "hualong")
        try archive.ingest([("photo.jpg", "photo.jpg")], county: "qingfeng")
        return archive
    }

    func export(_ archive: TestArchive, bagIt: Bool = false, from: CalendarDay? = nil, until: CalendarDay? = nil,
                to destination: URL? = nil) throws -> (ExportResult, URL) {
        let folder = try destination ?? Fixtures.temporaryFolder("export").appendingPathComponent("hand-over")
        let export = HandOverExport(settings: archive.settings, county: try archive.county("hualong"), destination: folder,
                                    from: from, until: until, bagIt: bagIt, now: { TestArchive.lastHourOfDeadline })
        return (try export.run(), folder)
    }

    @Test func exportsEveryFileUnderItsDayAndName() throws {
        let archive = try hualongArchive()
        let (result, folder) = try export(archive)
        #expect(result.problems.isEmpty)
        #expect(result.files == 5)
        #expect(TestArchive.files(in: folder) == [
            "2021-05-23 科技周开幕式.mov",
            "2021-05-25 开幕式 (2).mp4",
            "2021-05-25 开幕式.mp4",
            "2021-05-25 总结.pdf",
            "2021-05-25 活动照片.jpg",
            "manifest.csv",
            "manifest.json",
        ])
        // The copies are the catalogued bytes.
        for file in result.exported {
            #expect(try HashingCopy.sha256(of: folder.appendingPathComponent(file.file).path) == file.sha256)
        }
        let entries = try archive.entries("hualong")
        #expect(result.bytes == entries.reduce(0) { $0 + $1.bytes })
        #expect(Set(result.exported.map(\.sha256)) == Set(entries.map(\.sha256)))
    }

    @Test func manifestListsEachEntryWithItsFile() throws {
        let archive = try hualongArchive()
        let (result, folder) = try export(archive)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(json["county"] as? String == "hualong")
        #expect(json["name"] as? String == "华龙区")
        #expect(json["files"] as? Int == 5)
        #expect(json["exportedAt"] as? String == "2021-06-04T23:00:00+08:00")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 5)
        for item in items {
            let file = try #require(item["file"] as? String)
            let entry = try #require(item["entry"] as? [String: Any])
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
            #expect(result.exported.contains(ExportedFile(sha256: try #require(SHA256Hash(hex: entry["sha256"] as? String ?? "")), file: file)))
            #expect(entry["schemaVersion"] as? Int == CatalogEntry.currentSchemaVersion)
            #expect(entry["originalNames"] is [String])
        }

        let csv = try Data(contentsOf: folder.appendingPathComponent("manifest.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 6)
        #expect(lines[0].hasPrefix("file,sha256,day,kind"))
        #expect(lines.contains { $0.hasPrefix("2021-05-25 活动照片.jpg,") && $0.contains("活动照片.mp4") })
    }

    @Test func dayBoundsAreInclusive() throws {
        let archive = try hualongArchive()
        let (onlyThe23rd, _) = try export(archive, from: CalendarDay(2021, 5, 23), until: CalendarDay(2021, 5, 23))
        #expect(onlyThe23rd.exported.map(\.file) == ["2021-05-23 科技周开幕式.mov"])
        let (fromThe25th, _) = try export(archive, from: CalendarDay(2021, 5, 25))
        #expect(fromThe25th.files == 4)
        let (none, folder) = try export(archive, until: CalendarDay(2021, 5, 1))
        #expect(none.files == 0 && none.problems.isEmpty)
        #expect(TestArchive.files(in: folder) == ["manifest.csv", "manifest.json"])
    }

    @Test func hostileOriginalNamesStayInsideTheFolder() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4"), ("phone-rotated.mp4", "b.mp4"), ("hevc.mov", "c.mov"),
                            ("android-tagged.mp4", "d.mp4")], county: "hualong")
        let hostile = ["../../etc/passwd", "/abs/path.mp4", "nul\0inside.mp4", String(repeating: "长", count: 300) + ".mp4"]
        for (entry, name) in zip(try archive.entries("hualong"), hostile) {
            try archive.setOriginalNames([name], sha256: entry.sha256, county: "hualong")
        }
        let parent = try Fixtures.temporaryFolder("export")
        let (result, folder) = try export(archive, to: parent.appendingPathComponent("out"))
        #expect(result.files == 4 && result.problems.isEmpty)
        // Nothing beside the export folder, nothing in a subfolder of it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
        let files = TestArchive.files(in: folder)
        #expect(files.count == 6)
        for file in files {
            #expect(!file.contains("/"))
            #expect(file.utf8.count <= ExportNaming.maxBytes)
        }
        #expect(files.contains { $0.hasSuffix(" etc_passwd.mp4") })
        #expect(files.contains { $0.hasSuffix(" abs_path.mp4") })
        #expect(files.contains { $0.hasSuffix(" nulinside.mp4") })
        // Shortened on a character boundary, extension kept (that of the stored format).
        #expect(files.contains { $0.contains("长长长") && ($0.hasSuffix("长.mp4") || $0.hasSuffix("长.mov")) })
    }

    @Test func aDamagedObjectIsReportedAndNotExported() throws {
        let archive = try hualongArchive()
        let victim = try #require(try archive.entries("hualong").first { $0.kind == .document })
        try archive.damageObject(of: victim)
        let missing = try #require(try archive.entries("hualong").first { $0.kind == .photo })
        try FileManager.default.removeItem(at: archive.root.appendingPathComponent(missing.object!))

        let (result, folder) = try export(archive)
        #expect(result.files == 3)
        #expect(result.problems.map(\.problem) == [.missing, .corrupt] || result.problems.map(\.problem) == [.corrupt, .missing])
        let corrupt = try #require(result.problems.first { $0.problem == .corrupt })
        #expect(corrupt.sha256 == victim.sha256)
        #expect(corrupt.originalName == "总结.pdf")
        #expect(corrupt.message.contains("damaged"))
        #expect(result.problems.first { $0.problem == .missing }?.sha256 == missing.sha256)
        let files = TestArchive.files(in: folder)
        #expect(!files.contains { $0.hasSuffix(".pdf") || $0.hasSuffix(".jpg") })
        // No partial copy is left behind either.
        #expect(!files.contains { $0.hasSuffix(".part") })
        #expect(!result.exported.contains { $0.sha256 == victim.sha256 })
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"corrupt\""))
    }

    @Test func aFolderWithFilesIsRefusedAndLeftAlone() throws {
        let archive = try hualongArchive()
        let folder = try Fixtures.temporaryFolder("export")
        let existing = folder.appendingPathComponent("manifest.json")
        try Data("keep me".utf8).write(to: existing)
        #expect {
            _ = try export(archive, to: folder)
        } throws: { error in
            "\(error)".contains("not empty") && "\(error)".contains("nothing was written")
        }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["manifest.json"])

        // An existing empty folder is fine.
        let empty = try Fixtures.temporaryFolder("export")
        #expect(try export(archive, to: empty).0.files == 5)
    }

    @Test func aFileInPlaceOfTheFolderIsRefused() throws {
        let archive = try hualongArchive()
        let file = try Fixtures.temporaryFolder("export").appendingPathComponent("taken")
        try Data().write(to: file)
        #expect(throws: ArchiveError.self) { _ = try export(archive, to: file) }
    }

    @Test(.enabled(if: BagItChecker.isAvailable, Comment(rawValue: BagItChecker.missingNote)))
    func aBagIsValidForTheReferenceChecker() throws {
        let archive = try hualongArchive()
        let (result, bag) = try export(archive, bagIt: true)
        #expect(result.bagit && result.files == 5 && result.manifest == "catalogue.json")
        #expect(result.exported.allSatisfy { $0.file.hasPrefix("data/") })

        let verdict = try BagItChecker.validate(bag)
        #expect(verdict.isValid, "\(verdict.message)")
        #expect(verdict.info["Source-Organization"] == "华龙区")
        #expect(verdict.info["Bagging-Date"] == "2021-06-04")
        #expect(verdict.info["Payload-Oxum"] == "\(result.bytes).5")
        // The payload manifest is the catalogue's SHA-256s.
        #expect(verdict.payload == Dictionary(uniqueKeysWithValues: result.exported.map { ($0.file, $0.sha256.hex) }))

        #expect(try String(contentsOf: bag.appendingPathComponent("bagit.txt"), encoding: .utf8)
                == "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        let tags = try String(contentsOf: bag.appendingPathComponent("tagmanifest-sha256.txt"), encoding: .utf8)
        for name in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "catalogue.json", "catalogue.csv"] {
            #expect(tags.contains("  \(name)\n"))
        }
    }

    @Test(.enabled(if: BagItChecker.isAvailable, Comment(rawValue: BagItChecker.missingNote)))
    func theCheckerNoticesATamperedBag() throws {
        // Proves the checker is really checking: change one payload byte after export.
        let archive = try hualongArchive()
        let (result, bag) = try export(archive, bagIt: true)
        let file = bag.appendingPathComponent(try #require(result.exported.first).file)
        var data = try Data(contentsOf: file)
        data[0] ^= 0xFF
        try data.write(to: file)
        let verdict = try BagItChecker.validate(bag)
        #expect(!verdict.isValid)
    }

    @Test(.enabled(if: BagItChecker.isAvailable, Comment(rawValue: BagItChecker.missingNote)))
    func aBagWithFullNameProblemsAndHostileNamesIsStillValid() throws {
        let archive = try TestArchive()
        try archive.ingest([("clip-179.9s.mp4", "a.mp4"), ("phone-rotated.mp4", "b.mp4"), ("summary.pdf", "c.pdf")],
                           county: "kaifaqu")
        let entries = try archive.entries("kaifaqu")
        try archive.setOriginalNames(["../百分之100%\r\n.mp4"], sha256: entries[0].sha256, county: "kaifaqu")
        try archive.damageObject(of: entries[2])
        let bag = try Fixtures.temporaryFolder("export").appendingPathComponent("bag")
        let export = HandOverExport(settings: archive.settings, county: try archive.county("kaifaqu"), destination: bag,
                                    bagIt: true, now: { TestArchive.duringTheWeek })
        let result = try export.run()
        #expect(result.files == 2 && result.problems.count == 1)
        let verdict = try BagItChecker.validate(bag)
        #expect(verdict.isValid, "\(verdict.message)")
        #expect(verdict.info["Source-Organization"] == "开发区 (濮阳经济技术开发区)")
    }
}
