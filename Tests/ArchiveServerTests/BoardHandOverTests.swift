import ArchiveServer
import Foundation
import MediaArchive
import Testing
import TestSupport

/// The board's hand-over button (`GET /board/handover.zip`): the zip a clerk downloads holds
/// exactly the bag `export --county C --round R --bagit` writes, and Python's own zipfile and
/// bagit read it.
struct BoardHandOverTests {
    typealias Office = BoardRouteTests.Office

    /// Python's zipfile checks every entry's CRC (testzip) and unpacks the zip into `folder`.
    static func unzip(_ zip: URL, into folder: URL) throws -> (names: [String], allStored: Bool, firstBad: String?) {
        let script = """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                bad = z.testzip()
                z.extractall(sys.argv[2])
                print(json.dumps({"bad": bad, "names": z.namelist(),
                                  "stored": all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())}))
            """
        let output = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, zip.path, folder.path])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        return (object["names"] as? [String] ?? [], object["stored"] as? Bool ?? false, object["bad"] as? String)
    }

    /// Every file under `folder`, by its path inside it.
    static func files(in folder: URL) throws -> [String: Data] {
        let root = folder.standardizedFileURL.path
        var found: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init()
        where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(url.standardizedFileURL.path.dropFirst(root.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    /// The one thing two exports a moment apart may differ in: the time in catalogue.json
    /// (and so that file's line in the tag manifest).
    static func withoutExportTime(_ data: Data) -> String {
        String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { !$0.contains("\"exportedAt\"") && !$0.hasSuffix("  catalogue.json") }.joined(separator: "\n")
    }

    @Test func theDownloadIsTheBagTheExportCommandWrites() async throws {
        let office = try Office()
        // The CLI reads the rounds from the archive folder: write the board's round there.
        _ = try RoundRegistry.fromPolicy(office.settings.policy).create(office.round, root: office.settings.root)
        let answer = try await BoardRouteTests.send(office, "/board/handover.zip?county=qingfeng&round=2026", secret: office.clerk)
        #expect(answer.status == .ok)
        #expect(answer.headers[.contentType] == "application/zip")
        #expect(answer.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
        #expect(answer.headers[.contentLength] == "\(answer.body.readableBytes)")

        let scratch = try Fixtures.temporaryFolder("board-handover")
        let zip = scratch.appendingPathComponent("handover.zip")
        try Data(buffer: answer.body).write(to: zip)
        let unpacked = scratch.appendingPathComponent("unpacked")
        let read = try Self.unzip(zip, into: unpacked)
        #expect(read.firstBad == nil, "a CRC does not match: \(read.firstBad ?? "")")
        #expect(read.allStored)
        #expect(read.names.allSatisfy { $0.hasPrefix("qingfeng-round-2026/") }, "\(read.names)")
        let bag = unpacked.appendingPathComponent("qingfeng-round-2026")

        let exported = scratch.appendingPathComponent("exported")
        let cli = try ChildProcess.run(ChildProcess.builtBinary, ["export", "--archive", office.settings.root.path, "--county", "qingfeng",
                                                     "--round", "2026", "--bagit", "--to", exported.path])
        #expect(cli.status == 0, "\(cli.stderr)")
        let downloaded = try Self.files(in: bag), written = try Self.files(in: exported)
        #expect(downloaded.keys.sorted() == written.keys.sorted())
        #expect(downloaded.keys.filter { $0.hasPrefix("data/") }.count == 2, "\(downloaded.keys.sorted())")
        for (path, bytes) in written {
            if path == "catalogue.json" || path == "tagmanifest-sha256.txt" {
                #expect(Self.withoutExportTime(downloaded[path] ?? Data()) == Self.withoutExportTime(bytes), "\(path)")
            } else {
                #expect(downloaded[path] == bytes, "\(path) differs from the export command's")
            }
        }
        guard BagItChecker.isAvailable else {
            print(BagItChecker.missingNote)
            return
        }
        let verdict = try BagItChecker.validate(bag)
        #expect(verdict.isValid, "\(verdict.message)")
        #expect(verdict.info["External-Identifier"] == "media-archive:qingfeng:round-2026")
    }

    @Test func aCountyNameIsNeededAndMustBeKnown() async throws {
        let office = try Office()
        let none = try await BoardRouteTests.send(office, "/board/handover.zip?round=2026", secret: office.clerk)
        #expect(none.status == .badRequest)
        #expect(none.text.contains("county="))
        let unknown = try await BoardRouteTests.send(office, "/board/handover.zip?county=atlantis", secret: office.archivist)
        #expect(unknown.status == .badRequest)
        let county = try await BoardRouteTests.send(office, "/board/handover.zip?county=nanle", secret: office.county)
        #expect(county.status == .forbidden)
    }

    @Test func theBoardOffersEachCountysHandOver() async throws {
        let office = try Office()
        let board = try await BoardRouteTests.send(office, "/board?round=2026&lang=en", secret: office.clerk)
        #expect(board.text.contains("href=\"/board/handover.zip?county=nanle&amp;round=2026\""), "\(board.text)")
        #expect(board.text.contains("Download the hand-over (BagIt, zip)"))
    }
}
