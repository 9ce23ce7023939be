import ArchiveServer
import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `GET /`: the current round's hand-in, county by county and part by part, as `status`
/// works it out.
struct CountiesControllerTests {
    /// The fixture archive has no `rounds/`: it is read as round 2021 (the policy's week), which
    /// asks for a key-project form, a summary and a photo. 清丰县 sent a summary, a photo and two
    /// videos but no form; 华龙区 a photo only.
    @Test func theFrontPageShowsTheCurrentRoundsStatus() async throws {
        let archive = try GalleryArchive(deadline: CalendarDay(2999, 12, 31))
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: archive.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                #expect(page.contains("<th>区县</th><th>重点项目备案表</th><th>总结</th><th>照片</th><th>视频</th><th>状态</th>"),
                        "the parts the round requires, then videos, which 清丰县 sent")
                let qingfeng = try #require(Self.row(of: "清丰县", in: page))
                #expect(qingfeng.contains(#"href="/search?county=qingfeng&amp;round=2021""#))
                #expect(Self.cells(qingfeng) == ["清丰县", "0/1", "1/1", "1/1", "2", "尚缺：重点项目备案表"], "got \(Self.cells(qingfeng))")
                #expect(qingfeng.contains(#"<td class="part missing">0/1</td>"#) && qingfeng.contains(#"<td class="part met">1/1</td>"#))
                let hualong = try #require(Self.row(of: "华龙区", in: page))
                #expect(Self.cells(hualong) == ["华龙区", "0/1", "0/1", "1/1", "0", "尚缺：重点项目备案表、总结"])
                let nanle = try #require(Self.row(of: "南乐县", in: page))
                #expect(Self.cells(nanle).last == "尚缺：重点项目备案表、总结、照片")
                #expect(page.contains("尚未交齐：") && page.contains("材料截止：2999-12-31"))
                #expect(page.components(separatedBy: #"<tr class="county"#).count - 1 == archive.settings.counties.counties.count,
                        "one row per county of the registry")
                #expect(!page.contains("http://") && !page.contains("https://"), "self-contained, no external assets")
            }
            try await client.execute(uri: "/?lang=en", method: .get, headers: archive.bearer) { response in
                let page = String(buffer: response.body)
                let qingfeng = try #require(Self.row(of: "清丰县", in: page))
                #expect(Self.cells(qingfeng).last == "still owes: key-projects", "part names as the notice's English keys")
            }
        }
    }

    /// A form record makes the round complete for that county; what came after the due day is
    /// marked late, and `round=` shows another round.
    @Test func aCompleteCountyIsSaidSoAndLateItemsAreMarked() async throws {
        let archive = try GalleryArchive() // the 2021 deadline: everything ingested today is late
        try FormStore(settings: archive.settings).add([
            FormRecord(form: .keyProject, county: "qingfeng", round: "2021", entry: nil, fields: ["projectName": "科普大篷车进乡村"],
                       enteredAt: "2021-05-10T09:00:00+08:00"),
        ])
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: archive.bearer) { response in
                let page = String(buffer: response.body)
                let row = try #require(Self.row(of: "清丰县", in: page))
                #expect(row.contains(#"class="county complete""#) && Self.cells(row).last == "已交齐", "got \(Self.cells(row))")
                #expect(row.contains(#"<td class="part late">1/1</td>"#), "the summary came after 2021-06-04")
            }
            try await client.execute(uri: "/?round=1999", method: .get, headers: archive.bearer) { response in
                #expect(response.status == .badRequest, "a round the archive does not know")
            }
        }
    }

    /// A county's token sees its own county's row only.
    @Test func aCountyTokenSeesItsOwnCountyOnly() async throws {
        let archive = try GalleryArchive(deadline: CalendarDay(2999, 12, 31))
        let secret = try AccessTokens(root: archive.settings.root).create(role: .county, county: "hualong").secret
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(secret)"]) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.components(separatedBy: #"<tr class="county"#).count - 1 == 1)
                #expect(Self.row(of: "华龙区", in: page) != nil && Self.row(of: "清丰县", in: page) == nil)
            }
        }
    }

    @Test func everyPageSharesTheNavBar() async throws {
        let archive = try GalleryArchive(publicBrowse: true)
        try await testApplication(settings: archive.settings).test(.router) { client in
            for (uri, current) in [("/", "画廊"), ("/search", "搜索"), ("/check", "自查"), ("/login", "登录")] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(page.contains(#"<nav class="site">"#), "\(uri)")
                    let nav = try #require(page.components(separatedBy: "</nav>").first)
                    for (href, label) in [("/", "画廊"), ("/search", "搜索"), ("/check", "自查"), ("/ingest", "入库")] {
                        #expect(nav.contains(#"href="\#(href)""#) && nav.contains(">\(label)</a>"), "\(uri) lacks \(label)")
                    }
                    #expect(page.contains(#"aria-current="page">\#(current)<"#), "\(uri) marks \(current)")
                    #expect(page.contains(#"href="/login""#), "not logged in: 登录")
                }
            }
            let cookie: HTTPFields = [.cookie: "media_archive_token=\(archive.secret)"]
            try await client.execute(uri: "/check", method: .get, headers: cookie) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<form method="post" action="/logout">"#) && page.contains("退出"))
                #expect(!page.contains(#"href="/login""#))
            }
        }
    }

    @Test func withoutATokenTheBrowserIsSentToLogin() async throws {
        let archive = try GalleryArchive()
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "media_archive_token=\(String(repeating: "0", count: 64))"]) { response in
                #expect(response.status == .seeOther, "a stale cookie is no login")
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: "media_archive_token=\(archive.secret)"]) { response in
                #expect(response.status == .ok)
            }
        }
        let open = try GalleryArchive(publicBrowse: true)
        try await testApplication(settings: open.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok, "publicBrowse opens the gallery to anyone")
            }
        }
    }

    /// The `<tr>` of one county.
    static func row(of name: String, in page: String) -> String? {
        page.components(separatedBy: "<tr").first { $0.contains(">\(name)</a>") }
    }

    /// The text of each cell, tags removed.
    static func cells(_ row: String) -> [String] {
        row.components(separatedBy: "<td").dropFirst().map { cell in
            let text = cell.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            return String(text.drop { $0 != ">" }.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
