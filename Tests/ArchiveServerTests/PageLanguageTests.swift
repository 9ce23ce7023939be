import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// Chinese by default, English on request (`?lang=en`, then the `lang` cookie), county names
/// Chinese in both; the JSON APIs English unless asked.
struct PageLanguageTests {
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var html: String
    }

    static func get(_ uri: String, headers: HTTPFields = [:], settings: ArchiveSettings) async throws -> Page {
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { Page(status: $0.status, headers: $0.headers, html: String(buffer: $0.body)) }
        }
    }

    /// Every page with the heading a reader sees first in each language.
    static let headings: [(uri: String, zh: String, en: String)] = [
        ("/", "<h1>各区县提交情况</h1>", "<h1>What each county has handed in</h1>"),
        ("/search", "<h1>搜索</h1>", "<h1>Search</h1>"),
        ("/check", "<h1>视频自查</h1>", "<h1>Video self-check</h1>"),
        ("/login", "<h1>登录</h1>", "<h1>Log in</h1>"),
        ("/ingest", "<h1>档案入库</h1>", "<h1>Archive ingest</h1>"),
        ("/items/abc", "<h1>链接无效</h1>", "<h1>Invalid link</h1>"),
    ]

    /// An archive open to browsing, with a clerk (ASCII name, so the English ingest page holds
    /// no Chinese but county names) whose login cookie opens /ingest.
    static func openArchive() throws -> (ArchiveSettings, HTTPFields) {
        let settings = try makeSettings { $0.publicBrowse = true }
        let clerk = try AccessTokens(root: settings.root).create(role: .clerk, name: "front desk").secret
        return (settings, [.cookie: "media_archive_token=\(clerk)"])
    }

    @Test func everyPageIsChineseByDefaultEvenForABrowserAskingForEnglish() async throws {
        let (settings, login) = try Self.openArchive()
        for page in Self.headings {
            var headers = login
            headers[.acceptLanguage] = "en-US,en;q=0.9"
            let answer = try await Self.get(page.uri, headers: headers, settings: settings)
            #expect(answer.html.contains(#"<html lang="zh-CN">"#), "\(page.uri)")
            #expect(answer.html.contains(page.zh), "\(page.uri) shows \(page.zh)")
            #expect(answer.html.contains(#"lang="en">English</a>"#), "\(page.uri) offers English")
            #expect(answer.headers[.setCookie] == nil, "nothing chosen, nothing remembered")
        }
    }

    @Test func everyPageIsEnglishWithLangEnAndHoldsNoChineseButCountyNames() async throws {
        let (settings, login) = try Self.openArchive()
        for page in Self.headings {
            let answer = try await Self.get(page.uri + "?lang=en", headers: login, settings: settings)
            #expect(answer.html.contains(#"<html lang="en">"#), "\(page.uri)")
            #expect(answer.html.contains(page.en), "\(page.uri) shows \(page.en)")
            #expect(answer.html.contains(#"lang="zh-CN">中文</a>"#), "\(page.uri) offers Chinese")
            let chinese = Self.chineseText(answer.html, except: settings.counties.counties.map(\.name) + ["中文"])
            #expect(chinese.isEmpty, "\(page.uri) still says \(chinese)")
        }
        // County names stay Chinese on English pages.
        let gallery = try await Self.get("/?lang=en", settings: settings)
        #expect(gallery.html.contains(">清丰县</a>") && gallery.html.contains("Not complete yet: 华龙区, 清丰县"))
    }

    @Test func theSwitchKeepsTheQueryAndTheCookieRemembersTheChoice() async throws {
        let (settings, _) = try Self.openArchive()
        let search = try await Self.get("/search?county=qingfeng&kind=video", settings: settings)
        #expect(search.html.contains(#"<a id="nav-language" href="/search?county=qingfeng&amp;kind=video&amp;lang=en""#))

        let chosen = try await Self.get("/search?county=qingfeng&lang=en", settings: settings)
        let cookie = try #require(chosen.headers[.setCookie])
        for part in ["lang=en", "Max-Age=31536000", "Path=/", "SameSite=Lax"] {
            #expect(cookie.contains(part), "\(cookie) has \(part)")
        }
        #expect(!cookie.contains("HttpOnly"))
        #expect(chosen.html.contains(#"<a id="nav-language" href="/search?county=qingfeng&amp;lang=zh""#))

        let next = try await Self.get("/check", headers: [.cookie: "lang=en"], settings: settings)
        #expect(next.html.contains("<h1>Video self-check</h1>"), "the cookie is honoured on the next page")
        let back = try await Self.get("/check?lang=zh", headers: [.cookie: "lang=en"], settings: settings)
        #expect(back.html.contains("<h1>视频自查</h1>"), "?lang= wins over the cookie")
        #expect(back.headers[.setCookie]?.contains("lang=zh") == true)
        // A choice made on the way to the login page sticks there too.
        let redirected = try await Self.get("/ingest?lang=en", settings: settings)
        #expect(redirected.status == .seeOther && redirected.headers[.setCookie]?.contains("lang=en") == true)
    }

    /// The script is one file (check.js) for both languages; its words come with the page.
    @Test func theCheckPagesScriptSpeaksThePagesLanguage() async throws {
        let (settings, _) = try Self.openArchive()
        let zh = try PageScriptSettings(html: try await Self.get("/check", settings: settings).html)
        #expect(zh.text["ready"] == "可以提交。" && zh.text["over"] == "超出 {amount}")
        #expect(zh.text["lang"] == "zh")
        let script = try await Self.get(try #require(zh.scriptPath), settings: settings).html
        #expect(script.contains("fetch('/api/check?thumbnail=1&lang=' + T.lang"), "the API is asked for the page's language")
        let en = try PageScriptSettings(html: try await Self.get("/check?lang=en", settings: settings).html)
        #expect(en.text["ready"] == "Ready to submit." && en.text["over"] == "{amount} over")
        #expect(en.text["lang"] == "en")
    }

    @Test func ingestReceiptsFollowTheLanguageCookie() async throws {
        let office = try IngestControllerTests.Office()
        let upload = try MultipartUpload(fixtures: [("clip-181s.mp4", nil), ("photo.jpg", nil), ("photo.jpg", "again.jpg")])
        var cookie = upload.headers
        cookie[.cookie] = "media_archive_token=\(office.clerk); lang=zh"
        cookie[.origin] = "http://localhost"  // as the browser sends with the page's POST
        let headers = cookie
        let receipts = try await testApplication(settings: office.settings).test(.router) { client in
            try await client.execute(uri: "/api/ingest?county=qingfeng", method: .post, headers: headers, body: upload.body) { response in
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]] ?? []
            }
        }
        #expect(receipts.map { $0["status"] as? String } == ["rejected", "stored", "duplicate"])
        #expect((receipts[0]["reasons"] as? [String])?.first?.contains("超出 3 分钟上限") == true, "\(receipts[0])")
        #expect((receipts[2]["warnings"] as? [String])?.contains { $0.contains("档案中已有相同的文件") } == true, "\(receipts[2])")
        #expect(receipts[0]["status"] as? String == "rejected", "keys and values stay English")
    }

    @Test func theItemPageShowsAFailingVideosReasonInTheReadersLanguage() async throws {
        let settings = try makeSettings { $0.publicBrowse = true }
        let receipt = try #require(try Ingester(settings: settings, county: try settings.counties.resolve("qingfeng"), acceptFailing: true)
            .ingest(paths: [Fixtures.media("clip-181s.mp4")]).first)
        let sha = try #require(receipt.sha256)
        let zh = try await Self.get("/items/\(sha)", settings: settings).html
        #expect(zh.contains("<th>检查结论</th>") && zh.contains(#"<span class="verdict fail">不合格</span>："#))
        #expect(zh.contains("超出 3 分钟上限 1 秒；请剪辑后重新检查"))
        let en = try await Self.get("/items/\(sha)?lang=en", settings: settings).html
        #expect(en.contains("<th>Check</th>") && en.contains(#"<span class="verdict fail">fail</span>: "#))
        #expect(en.contains("1 s over the 3:00 limit; trim it and check again"))
        // search --json shows the kept Chinese under its own key.
        let line = try #require(try Catalog(settings: settings).searchJSONLines(CatalogQuery()).first)
        let json = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(((json["zh"] as? [String: Any])?["reasons"] as? [String])?.first?.contains("超出") == true)
    }

    @Test func anEntryWrittenBeforeTheChineseWasKeptShowsItsEnglish() async throws {
        let settings = try makeSettings { $0.publicBrowse = true }
        let receipt = try #require(try Ingester(settings: settings, county: try settings.counties.resolve("qingfeng"), acceptFailing: true)
            .ingest(paths: [Fixtures.media("clip-181s.mp4")]).first)
        try Self.removeChineseFromCatalogue(of: settings)
        let entry = try #require(try Catalog(settings: settings).search(CatalogQuery()).first)
        #expect(entry.chinese == nil)

        let page = try await Self.get("/items/\(try #require(receipt.sha256))", settings: settings)
        #expect(page.status == .ok)
        #expect(page.html.contains("<th>检查结论</th>") && page.html.contains("1 s over the 3:00 limit"))
    }

    /// Rewrites every day file as a version before the Chinese was kept wrote it: the English
    /// sentences only (no message codes, `zh` null).
    static func removeChineseFromCatalogue(of settings: ArchiveSettings) throws {
        let walker = try #require(FileManager.default.enumerator(at: settings.root, includingPropertiesForKeys: nil))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.userInfo[.catalogueRecord] = true
        for case let url as URL in walker where url.pathExtension == "json" && url.path.contains("/index/days/") {
            let entries = try JSONDecoder().decode([CatalogEntry].self, from: Data(contentsOf: url))
            #expect(entries.allSatisfy { $0.messages != nil }, "new entries carry message codes")
            let old = entries.map { entry in
                var old = entry
                (old.messages, old.chinese, old.schemaVersion) = (nil, nil, 2)
                return old
            }
            try encoder.encode(old).write(to: url)
        }
    }

    /// The Chinese characters and punctuation left once the allowed words are taken out.
    static func chineseText(_ html: String, except allowed: [String]) -> String {
        let rest = allowed.reduce(html) { $0.replacingOccurrences(of: $1, with: "") }
        let cjk: [ClosedRange<UInt32>] = [0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF]
        return String(String.UnicodeScalarView(rest.unicodeScalars.filter { scalar in cjk.contains { $0.contains(scalar.value) } }))
    }
}
