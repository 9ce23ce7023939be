import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `GET /assets/<name>`: the pages' style sheets and scripts, with a strong ETag and caching
/// that lets a browser keep them, and never keep an old one past a release.
struct AssetControllerTests {
    static let assetsFolder = Fixtures.packageRoot.appendingPathComponent("Sources/ArchiveServer/Assets")

    /// Every `/assets/…` URL a page links, in order.
    static func assetLinks(_ html: String) -> [String] {
        html.matches(of: /(?:href|src)="(\/assets\/[^"]+)"/).map { PageScriptSettings.decodeEntities(String($0.1)) }
    }

    @Test func everyPageLinksItsFilesByAVersionedURLABrowserMayKeepAYear() async throws {
        let (settings, clerk) = try PageLanguageTests.openArchive()
        try await testApplication(settings: settings).test(.router) { client in
            for uri in ["/", "/search", "/check", "/login", "/ingest", "/items/abc"] {
                let html = try await client.execute(uri: uri, method: .get, headers: clerk) { String(buffer: $0.body) }
                let links = Self.assetLinks(html)
                #expect(links.first?.hasPrefix("/assets/site.css?v=") == true, "\(uri) starts with the site's style sheet")
                #expect(!html.contains("<style") && !html.contains("<script>"), "\(uri) has no style or script inside the page")
                for link in links {
                    try await client.execute(uri: link, method: .get) { response in
                        #expect(response.status == .ok, "\(link)")
                        #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable", "\(link)")
                        let version = String(link.split(separator: "=").last ?? "")
                        #expect(response.headers[.eTag] == "\"\(version)\"", "the version is the content's tag: \(link)")
                        #expect(response.body.readableBytes > 0)
                    }
                }
            }
        }
    }

    @Test func theServedFilesAreTheFilesOfTheAssetsFolderWithTheirTypes() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.assetsFolder.path).sorted()
        #expect(names.contains("site.css") && names.contains("check.js"))
        try await testApplication(settings: try makeSettings()).test(.router) { client in
            var tags: Set<String> = []
            for name in names {
                let bytes = try Data(contentsOf: Self.assetsFolder.appendingPathComponent(name))
                try await client.execute(uri: "/assets/\(name)", method: .get) { response in
                    #expect(response.status == .ok, "\(name) is served")
                    #expect(Data(response.body.readableBytesView) == bytes, "\(name) is served as it is in Assets/")
                    let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
                    #expect(response.headers[.contentType] == type, "\(name)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    tags.insert(response.headers[.eTag] ?? "")
                }
            }
            #expect(tags.count == names.count, "each file has its own ETag")
        }
    }

    @Test func aCopyWhoseETagStillMatchesIsAnswered304WithoutABody() async throws {
        try await testApplication(settings: try makeSettings()).test(.router) { client in
            let etag = try #require(try await client.execute(uri: "/assets/check.js", method: .get) { $0.headers[.eTag] })
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\"") && !etag.hasPrefix("W/"), "a strong tag")
            for asked in [etag, "W/\(etag)", "\"0000000000000000\", \(etag)", "*"] {
                try await client.execute(uri: "/assets/check.js", method: .get, headers: [.ifNoneMatch: asked]) { response in
                    #expect(response.status == .notModified, "If-None-Match: \(asked)")
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == etag)
                    #expect(response.headers[.cacheControl] == "no-cache")
                }
            }
            try await client.execute(uri: "/assets/check.js", method: .get, headers: [.ifNoneMatch: "\"0000000000000000\""]) { response in
                #expect(response.status == .ok, "another version's copy gets this one")
                #expect(response.body.readableBytes > 0)
            }
        }
    }

    /// A link without `v`, or an older release's, may not be kept: the browser asks each time.
    @Test func anUnversionedOrOutdatedURLIsRevalidatedEveryTime() async throws {
        try await testApplication(settings: try makeSettings()).test(.router) { client in
            for uri in ["/assets/site.css", "/assets/site.css?v=0123456789abcdef"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "no-cache", "\(uri)")
                    #expect(response.headers[.eTag] != nil)
                }
            }
        }
    }

    @Test func aHeadGetsTheHeadersAndAnUnknownFileIs404() async throws {
        try await testApplication(settings: try makeSettings()).test(.router) { client in
            let get = try await client.execute(uri: "/assets/upload.js", method: .get) { $0.headers }
            try await client.execute(uri: "/assets/upload.js", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == get[.eTag] && response.headers[.contentLength] == get[.contentLength])
            }
            for missing in ["/assets/nothing.js", "/assets/..%2Fpolicy.json", "/assets/"] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
        }
    }
}
