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
        let found = try catalog.show(prefix: String(some.sha256.prefix(8)).uppercased())
        #expect(found == [some])
        #expect(try catalog.show(prefix: "000000").isEmpty)
        #expect(throws: ArchiveError.self) { _ = try catalog.show(prefix: "xyz123") }
        #expect(throws: ArchiveError.self) { _ = try catalog.show(prefix: "abc") }
    }

    @Test func catalogueFilesArePlainJSONWithSchemaVersions() throws {
        let settings = try Self.populated()
        let shard = settings.root.appendingPathComponent("qingfeng/index/days/2021/2021-05-22.json")
        let json = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: shard)) as? [[String: Any]])
        #expect(json.count == 1)
        #expect(json[0]["schemaVersion"] as? Int == 1)
        #expect(json[0]["county"] as? String == "qingfeng")
    }

    @Test func aDamagedCatalogueFileIsNamedInTheError() throws {
        let settings = try Self.populated()
        let shard = settings.root.appendingPathComponent("qingfeng/index/days/2021/2021-05-22.json")
        try Data("{ broken".utf8).write(to: shard)
        do {
            _ = try Catalog(settings: settings).search(CatalogQuery())
            Issue.record("a broken shard was read")
        } catch {
            #expect("\(error)".contains("2021-05-22.json"))
        }
    }
}
