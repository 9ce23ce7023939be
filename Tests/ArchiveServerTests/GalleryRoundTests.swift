import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport
@testable import ArchiveServer

/// The gallery knows the hand-in: an item's round and part on its page and its tile, the
/// `round` and `part` search filters, and media reports (links) shown as the article's title.
struct GalleryRoundTests {
    func get(_ uri: String, archive: GalleryArchive) async throws -> (HTTPResponse.Status, String) {
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: archive.bearer) { ($0.status, String(buffer: $0.body)) }
        }
    }

    /// A media report whose title and outlet hold markup, handed in by 清丰县.
    func addLink(to archive: GalleryArchive) throws -> String {
        let link = try #require(MediaReportLink(url: "https://news.example.cn/a?id=1&x=2", title: "<script>alert(1)</script>科技周",
                                                outlet: "<b>濮阳日报</b>", published: CalendarDay(2021, 5, 24)))
        let receipt = try Ingester(settings: archive.settings, county: try archive.settings.counties.resolve("qingfeng"), part: .mediaReport)
            .ingest(link: link)
        #expect(receipt.status == .stored, "\(receipt.reasons)")
        return try #require(receipt.sha256?.hex)
    }

    @Test func anItemsPageAndTileNameItsRoundAndPartInTheReadersLanguage() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("summary.pdf")
        let (_, zh) = try await get("/items/\(sha)", archive: archive)
        #expect(zh.contains("<tr><th>轮次</th><td>2021</td></tr>") && zh.contains("<tr><th>材料类别</th><td>总结</td></tr>"))
        let (_, en) = try await get("/items/\(sha)?lang=en", archive: archive)
        #expect(en.contains("<tr><th>Round</th><td>2021</td></tr>") && en.contains("<tr><th>Part</th><td>summary</td></tr>"))
        let (_, search) = try await get("/search?county=qingfeng", archive: archive)
        let tile = try #require(SearchPageTests.tile(sha, in: search))
        #expect(tile.contains(#"<span class="hand-in">2021 · 总结</span>"#))
    }

    @Test func roundAndPartFilterThePageAndTheAPI() async throws {
        let archive = try GalleryArchive()
        let (status, html) = try await get("/search?round=2021&part=summary", archive: archive)
        #expect(status == .ok)
        #expect(SearchPageTests.tiles(html) == [try archive.sha("summary.pdf")])
        #expect(html.contains(#"<option value="2021" selected>"#) && html.contains(#"<option value="summary" selected>总结</option>"#),
                "the form keeps the chosen round and part")
        let (_, photos) = try await get("/search?part=photo", archive: archive)
        #expect(Set(SearchPageTests.tiles(photos)) == Set(try ["chinese-gps.jpg", "photo.jpg"].map(archive.sha)))

        let (apiStatus, json) = try await get("/api/search?round=2021&part=video", archive: archive)
        #expect(apiStatus == .ok)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["sha256"] as? String })
                == Set(try ["clip-179.9s.mp4", "县 科技周 开幕式.mp4"].map(archive.sha)))
        #expect(entries.allSatisfy { $0["part"] as? String == "video" && $0["round"] as? String == "2021" })

        let (badRound, roundPage) = try await get("/search?round=1999", archive: archive)
        #expect(badRound == .badRequest && roundPage.contains("轮次“1999”不存在；可选：2021。"))
        let (badPart, partAnswer) = try await get("/api/search?part=poster", archive: archive)
        #expect(badPart == .badRequest && partAnswer.contains("part must be one of key-projects"))
    }

    @Test func aMediaReportIsItsTitleLinkingToTheArticleEscaped() async throws {
        let archive = try GalleryArchive()
        let sha = try addLink(to: archive)
        let (status, html) = try await get("/search?county=qingfeng&part=media-report", archive: archive)
        #expect(status == .ok)
        #expect(SearchPageTests.tiles(html).isEmpty, "no item page: a link has no stored file")
        let tile = try #require(html.components(separatedBy: #"<div class="item link">"#).dropFirst().first?
            .components(separatedBy: "</div>").first)
        #expect(tile.contains(#"<a class="link-title" href="https://news.example.cn/a?id=1&amp;x=2" target="_blank" rel="noopener noreferrer">&lt;script&gt;alert(1)&lt;/script&gt;科技周</a>"#),
                "got \(tile)")
        #expect(tile.contains(#"<span class="outlet">&lt;b&gt;濮阳日报&lt;/b&gt;</span>"#) && tile.contains(#"<span class="published">2021-05-24</span>"#))
        #expect(tile.contains("2021 · 媒体报道"))
        #expect(!tile.contains("<img") && !tile.contains("/thumbs/") && !tile.contains("/media/") && !tile.contains("/items/"))
        #expect(!html.contains("<script>alert(1)"), "the title is text, never markup")
        let (itemStatus, _) = try await get("/items/\(sha)", archive: archive)
        #expect(itemStatus == .notFound, "a link has no item page")
    }
}
