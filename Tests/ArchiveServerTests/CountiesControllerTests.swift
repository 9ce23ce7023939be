import ArchiveServer
import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `GET /`: every county with its counts and deadline status, as `report` computes them.
struct CountiesControllerTests {
    @Test func theCountiesPageShowsWhatEachCountyHandedIn() async throws {
        let archive = try GalleryArchive(deadline: CalendarDay(2999, 12, 31))
        let report = try SubmissionReport(settings: archive.settings).counties()
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: archive.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = String(buffer: response.body)
                let qingfeng = try #require(Self.row(of: "清丰县", in: page))
                #expect(qingfeng.contains(#"href="/search?county=qingfeng""#))
                // 4 items: 2 videos, 1 photo, 1 document; 179.9 s + 2 s of video = 3 minutes.
                #expect(Self.cells(qingfeng) == ["清丰县", "4", "2", "1", "1", "0", "3 分钟", "已提交（按期）"],
                        "got \(Self.cells(qingfeng))")
                let hualong = try #require(Self.row(of: "华龙区", in: page))
                #expect(Self.cells(hualong) == ["华龙区", "1", "0", "1", "0", "0", "—", "已提交（按期）"])
                let fanxian = try #require(Self.row(of: "范县", in: page))
                #expect(fanxian.contains("尚未提交"))
                #expect(page.contains("尚未提交：南乐县"), "the counties with nothing are named")
                #expect(report.count == 10 && page.components(separatedBy: #"<tr class="county"#).count - 1 == report.count,
                        "one row per county of the registry")
                #expect(!page.contains("http://") && !page.contains("https://"), "self-contained, no external assets")
            }
        }
    }

    @Test func aCountyThatHandedInAfterTheDeadlineIsShownLate() async throws {
        let archive = try GalleryArchive() // the 2021 deadline: everything ingested today is late
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: archive.bearer) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("提交截止日期：2021-06-04"))
                let qingfeng = try #require(Self.row(of: "清丰县", in: page))
                #expect(qingfeng.contains(#"class="county late""#) && Self.cells(qingfeng).last == "已提交，4 件逾期")
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

extension CountiesControllerTests {
    /// `serve` tallies the catalogue before the first visit; the page then answers from what
    /// was tallied. Emptying the shards in place (the day folders unchanged) shows which it used.
    @Test func theWarmUpAtStartIsWhatTheFirstVisitShows() async throws {
        let archive = try GalleryArchive(deadline: CalendarDay(2999, 12, 31))
        let dayFolders = FileManager.default.enumerator(at: archive.settings.root, includingPropertiesForKeys: nil)?
            .allObjects.compactMap { $0 as? URL }
            .filter { $0.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent == "days" } ?? []
        try #require(!dayFolders.isEmpty)
        // As if the catalogue had last changed an hour ago: a day changed just now is never kept.
        for folder in dayFolders {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: folder.path)
        }

        let cache = ReportCache()
        ArchiveServerApp.warmUp(cache, settings: archive.settings)
        #expect(cache.keptDays == dayFolders.count)

        for folder in dayFolders {
            for shard in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
                let handle = try FileHandle(forWritingTo: shard)
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: Data("[]\n".utf8))
                try handle.close()
            }
        }
        try await testApplication(settings: archive.settings, reportCache: cache).test(.router) { client in
            try await client.execute(uri: "/", method: .get, headers: archive.bearer) { response in
                let qingfeng = try #require(Self.row(of: "清丰县", in: String(buffer: response.body)))
                #expect(Self.cells(qingfeng).prefix(2) == ["清丰县", "4"])
            }
        }
    }
}
