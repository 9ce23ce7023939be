import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport
@testable import ArchiveServer

/// `GET /search`: the form and the grid of thumbnails the archivists browse.
struct SearchPageTests {
    func page(_ uri: String, archive: GalleryArchive) async throws -> (HTTPResponse.Status, String) {
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: archive.bearer) { ($0.status, String(buffer: $0.body)) }
        }
    }

    @Test func searchByCountyAndDateFindsTheItemsWithThumbnailLinks() async throws {
        let archive = try GalleryArchive()
        let photo = try archive.sha("chinese-gps.jpg")
        // The photo was taken 2021-05-22 (its EXIF); the clips and the PDF have no capture time
        // and are filed under today's ingest day.
        let (status, html) = try await page("/search?county=%E6%B8%85%E4%B8%B0%E5%8E%BF&from=2021-05-22&to=2021-05-22", archive: archive)
        #expect(status == .ok)
        #expect(Self.tiles(html) == [photo], "only the photo was captured that day")
        #expect(html.contains(#"<a class="item" href="/items/\#(photo)">"#))
        #expect(html.contains(#"<img class="thumb" src="/thumbs/\#(photo)" width="64" height="48" loading="lazy" alt="chinese-gps.jpg">"#))
        #expect(html.contains("清丰县 · 2021-05-22"))
        #expect(html.contains(#"<option value="qingfeng" selected>清丰县</option>"#), "the form keeps the chosen county")
        #expect(html.contains(#"name="from" value="2021-05-22""#))

        let (_, before) = try await page("/search?county=qingfeng&to=2021-05-21", archive: archive)
        #expect(Self.tiles(before).isEmpty)
        #expect(before.contains("没有找到符合条件的材料"))
    }

    @Test func videosHaveALengthBadgeAndDocumentsAPlaceholderTile() async throws {
        let archive = try GalleryArchive()
        let (status, html) = try await page("/search?county=qingfeng", archive: archive)
        #expect(status == .ok)
        #expect(Set(Self.tiles(html)) == Set(try ["clip-179.9s.mp4", "县 科技周 开幕式.mp4", "chinese-gps.jpg", "summary.pdf"].map(archive.sha)))
        let clip = try #require(Self.tile(try archive.sha("clip-179.9s.mp4"), in: html))
        #expect(clip.contains(#"<span class="duration">3:00</span>"#), "179.9 s shows as 3:00")
        #expect(clip.contains(#"src="/thumbs/"#))
        let pdf = try #require(Self.tile(try archive.sha("summary.pdf"), in: html))
        #expect(!pdf.contains("<img"), "no broken image for a document")
        #expect(pdf.contains(#"<span class="placeholder">文档</span>"#))
        #expect(!pdf.contains("duration"))
        #expect(html.contains("共找到 4 件"))
        #expect(!html.contains(#"id="more""#))

        let (_, videos) = try await page("/search?kind=video&text=%E7%A7%91%E6%8A%80%E5%91%A8", archive: archive)
        #expect(Self.tiles(videos) == [try archive.sha("县 科技周 开幕式.mp4")], "kind and text together")
    }

    /// A turned phone video and a photo turned by its EXIF orientation are laid out upright:
    /// the thumbnail carries the displayed size, not the stored one.
    @Test func turnedPicturesAreSizedUpright() async throws {
        let archive = try GalleryArchive()
        let receipts = try Ingester(settings: archive.settings, county: try archive.settings.counties.resolve("hualong"))
            .ingest(paths: [Fixtures.media("phone-rotated.mp4"), Fixtures.folder.appendingPathComponent("orientation/exif-6.jpg").path])
        let (video, photo) = (try #require(receipts[0].sha256?.hex), try #require(receipts[1].sha256?.hex))
        let (_, html) = try await page("/search?county=hualong", archive: archive)
        // Stored 96x54 with a 90° display rotation; stored 48x64 with orientation 6.
        #expect(try #require(Self.tile(video, in: html)).contains(#"width="54" height="96""#))
        #expect(try #require(Self.tile(photo, in: html)).contains(#"width="64" height="48""#))
    }

    @Test func aLongResultIsCutIntoPagesWithAMoreLink() async throws {
        let archive = try GalleryArchive()
        let router = Router(context: BasicRequestContext.self)
        var controller = SearchController<BasicRequestContext>(settings: archive.settings, access: Access(settings: archive.settings),
                                                            pages: PageRenderer())
        controller.pageSize = 3
        controller.addRoutes(to: router)
        let (first, second) = try await Application(router: router).test(.router) { client in
            let first = try await client.execute(uri: "/search?county=qingfeng&text=", method: .get, headers: archive.bearer) { String(buffer: $0.body) }
            let more = try #require(first.firstMatch(of: /id="more" href="([^"]+)"/)).1
            #expect(more == "/search?county=qingfeng&amp;text=&amp;offset=3", "every filter is carried on")
            let second = try await client.execute(uri: more.replacingOccurrences(of: "&amp;", with: "&"), method: .get, headers: archive.bearer) {
                String(buffer: $0.body)
            }
            return (first, second)
        }
        #expect(Self.tiles(first).count == 3)
        #expect(first.contains("第 1–3 件"))
        #expect(Self.tiles(second).count == 1)
        #expect(second.contains("第 4–4 件（最后一页）"))
        #expect(Set(Self.tiles(first)).isDisjoint(with: Self.tiles(second)))
    }

    @Test func badParametersShowTheFormWithAChineseMessageAnd400() async throws {
        let archive = try GalleryArchive()
        for (uri, words) in [("/search?from=2021-13-40", "起始日期“2021-13-40”无效"), ("/search?county=atlantis", "没有名为“atlantis”的区县"),
                             ("/search?kind=movie", "类型“movie”无效"), ("/search?offset=-1", "offset“-1”无效")] {
            let (status, html) = try await page(uri, archive: archive)
            #expect(status == .badRequest, "\(uri)")
            #expect(html.contains(#"<p class="error" role="alert">"#) && html.contains(words), "\(uri)")
            #expect(html.contains(#"<form id="search""#), "the form is there to correct the search")
        }
        let (_, escaped) = try await page("/search?text=%3Cscript%3E&from=x%22%3E", archive: archive)
        #expect(!escaped.contains("<script>") && escaped.contains("&lt;script&gt;"), "what was typed is shown, never run")
    }

    @Test func withoutATokenThePageSendsToLoginAndTheAPIAnswers401() async throws {
        let archive = try GalleryArchive()
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/search?county=qingfeng", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/search?county%3Dqingfeng")
            }
            try await client.execute(uri: "/api/search?county=qingfeng", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    /// The SHA-256 of every tile, in page order.
    static func tiles(_ html: String) -> [String] {
        html.matches(of: /<a class="item" href="\/items\/([0-9a-f]{64})">/).map { String($0.1) }
    }

    /// One tile's HTML.
    static func tile(_ sha256: String, in html: String) -> String? {
        html.components(separatedBy: #"<a class="item""#).first { $0.contains("/items/\(sha256)") }?.components(separatedBy: "</a>").first
    }
}
