import Foundation
import Testing
import TestSupport
@testable import MediaArchive

struct CatalogTests {
    /// An archive with photos dated 22–25 May 2021 (from EXIF) for qingfeng and one for hualong.
    static func populated() throws -> ArchiveSettings {
        let settings = try IngesterTests.makeArchive()
        let photos = ["chinese-gps.jpg", "offset-subsec.jpg", "zero-date.jpg", "with-exif.heic"]
            .map { Fixtures.folder.appendingPathComponent("photos/\($0)").path }
        _ = try Ingester(settings: settings, county: IngesterTests.qingfeng).ingest(paths: photos)
        _ = try Ingester(settings: settings, county: CountyRegistry.puyang.counties[0])
            .ingest(paths: [Fixtures.media("iphone-tagged.mov")])
        return settings
    }

    @Test func searchByCountyAndInclusiveDates() throws {
        let catalog = Catalog(settings: try Self.populated())
        var query = CatalogQuery()
        query.counties = [IngesterTests.qingfeng]
        query.from = CalendarDay(2021, 5, 23)
        query.to = CalendarDay(2021, 5, 24)
        let days = try catalog.search(query).map(\.day.description)
        #expect(days == ["2021-05-23", "2021-05-24"])
    }

    @Test func searchByKindCameraAndText() throws {
        let catalog = Catalog(settings: try Self.populated())
        var videos = CatalogQuery()
        videos.kind = .video
        #expect(try catalog.search(videos).map(\.county) == ["hualong"])
        var camera = CatalogQuery()
        camera.camera = "iphone"
        #expect(try catalog.search(camera).count == 2) // the HEIC photo and the video
        var text = CatalogQuery()
        text.text = "科技周"
        #expect(try catalog.search(text).map { $0.originalNames.first } == ["chinese-gps.jpg"])
        var none = CatalogQuery()
        none.from = CalendarDay(2021, 5, 26)
        none.to = CalendarDay(2021, 5, 1)
        #expect(try catalog.search(none).isEmpty)
    }

    @Test func showFindsAnEntryByPrefix() throws {
        let settings = try Self.populated()
        let catalog = Catalog(settings: settings)
        let some = try #require(try catalog.search(CatalogQuery()).first)
        let found = try catalog.show(prefix: String(some.sha256.hex.prefix(8)).uppercased())
        #expect(found == [some])
        #expect(try catalog.show(prefix: "000000").isEmpty)
        #expect(throws: ArchiveError.self) { _ = try catalog.show(prefix: "xyz123") }
        #expect(throws: ArchiveError.self) { _ = try catalog.show(prefix: "abc") }
    }

    /// The one day-shard file of 22 May (one photo that day).
    static func shard(of day: String, in settings: ArchiveSettings) throws -> URL {
        let folder = settings.root.appendingPathComponent("qingfeng/index/days/2021/\(day)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        return folder.appendingPathComponent(try #require(files.first))
    }

    @Test func catalogueFilesArePlainJSONOneEntryPerLine() throws {
        let settings = try Self.populated()
        let shard = try Self.shard(of: "2021-05-22", in: settings)
        let text = try String(contentsOf: shard, encoding: .utf8)
        let json = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json[0]["schemaVersion"] as? Int == CatalogEntry.currentSchemaVersion)
        #expect(json[0].keys.contains("displayWidth") && json[0].keys.contains("displayHeight"))
        #expect(json[0]["county"] as? String == "qingfeng")
        let sha = try #require(json[0]["sha256"] as? String)
        #expect(shard.lastPathComponent == "\(sha.prefix(1)).json")
        #expect(text.split(separator: "\n").count == 3) // "[", the entry, "]"
    }

    @Test func storedTextAndDecodedSearchAgree() throws {
        let catalog = Catalog(settings: try Self.populated())
        for kind in [nil, MediaKind.photo, .video] {
            var query = CatalogQuery()
            query.kind = kind
            let decoded = try catalog.search(query)
            let lines = try catalog.searchJSONLines(query)
            let fromText = try lines.map { try JSONDecoder().decode(CatalogEntry.self, from: $0) }
            #expect(fromText == decoded, "kind \(String(describing: kind))")
        }
    }

    @Test func aDamagedCatalogueFileIsNamedInTheError() throws {
        let settings = try Self.populated()
        let shard = try Self.shard(of: "2021-05-22", in: settings)
        try Data("{ broken".utf8).write(to: shard)
        do {
            _ = try Catalog(settings: settings).search(CatalogQuery())
            Issue.record("a broken shard was read")
        } catch {
            #expect("\(error)".contains("2021-05-22/"))
        }
    }
}
