import ArchiveServer
import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `GET /items/:sha256`: the player or picture, the metadata and the download link.
struct ItemControllerTests {
    func page(_ uri: String, archive: GalleryArchive, headers: HTTPFields? = nil) async throws -> (HTTPResponse.Status, String) {
        try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers ?? archive.bearer) { ($0.status, String(buffer: $0.body)) }
        }
    }

    @Test func aVideosPageHasASeekablePlayerAndItsFacts() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("县 科技周 开幕式.mp4")
        let (status, html) = try await page("/items/\(sha)", archive: archive)
        #expect(status == .ok)
        #expect(html.contains(#"<video id="player" controls preload="metadata" src="/media/\#(sha)""#))
        #expect(html.contains(#"<a id="download" href="/media/\#(sha)?download=1">"#))
        for fact in ["县 科技周 开幕式.mp4", "清丰县", "视频", "0:02.00", "合格", "<code>\(sha)</code>"] {
            #expect(html.contains(fact), "the page shows \(fact)")
        }
    }

    @Test func aPhotosPageShowsThePictureWhereAndWhenItWasTaken() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("chinese-gps.jpg")
        let (status, html) = try await page("/items/\(sha)", archive: archive)
        #expect(status == .ok)
        #expect(html.contains(#"<img id="photo" src="/media/\#(sha)""#))
        // The fixture's EXIF: 33.8688 S, 151.2093 W, 12.5 m below sea level, Canon, 2021-05-22 09:30.
        #expect(html.contains(#"href="https://www.openstreetmap.org/?mlat=-33.868800&amp;mlon=-151.209300#map=16/-33.868800/-151.209300""#))
        for fact in ["纬度 -33.868800，经度 -151.209300", "Canon EOS 5D Mark IV", "2021-05-22T09:30:00+08:00",
                     "exif-local-assumed-zone", "华龙区科技周开幕式", "照片"] {
            #expect(html.contains(fact), "the page shows \(fact)")
        }
    }

    /// The PDF fixture is under 1 KiB, so its size is a count of bytes: in Chinese on a Chinese page.
    @Test func aSmallFilesSizeIsInThePagesLanguage() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("summary.pdf")
        let bytes = try GalleryArchive.bytes("summary.pdf").count
        #expect(bytes < 1024)
        let (status, html) = try await page("/items/\(sha)", archive: archive)
        #expect(status == .ok)
        #expect(html.contains("（\(bytes) 字节）</p>") && !html.contains("\(bytes) bytes"))
        let (_, english) = try await page("/items/\(sha)?lang=en", archive: archive)
        #expect(english.contains(" (\(bytes) bytes)</p>"))
        #expect(!html.contains("\(bytes) 字节（\(bytes) 字节）") && !english.contains("\(bytes) bytes (\(bytes) bytes)"),
                "a size under 1 KiB is exact already; it is not repeated")
    }

    @Test func anUnknownItemIsA404PageAndAMalformedOneA400Page() async throws {
        let archive = try GalleryArchive()
        let (missing, notFound) = try await page("/items/\(String(repeating: "ab", count: 32))", archive: archive)
        #expect(missing == .notFound)
        #expect(notFound.contains("找不到这件材料") && notFound.contains(#"<nav class="site">"#))
        for bad in ["/items/abc123", "/items/\(try archive.sha("summary.pdf").uppercased())", "/items/..%2F..%2Fpolicy.json"] {
            let (status, html) = try await page(bad, archive: archive)
            #expect(status == .badRequest, "\(bad)")
            #expect(html.contains("链接无效"))
        }
    }

    @Test func withoutATokenTheItemPageSendsToLogin() async throws {
        let archive = try GalleryArchive()
        let (status, _) = try await page("/items/\(try archive.sha("photo.jpg"))", archive: archive, headers: [:])
        #expect(status == .seeOther)
        let open = try GalleryArchive(publicBrowse: true)
        let (opened, _) = try await page("/items/\(try open.sha("photo.jpg"))", archive: open, headers: [:])
        #expect(opened == .ok)
    }
}
