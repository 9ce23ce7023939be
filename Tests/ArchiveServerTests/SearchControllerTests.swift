import ArchiveServer
import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

struct SearchControllerTests {
    /// An archive holding one passing clip for 清丰县.
    static func populated() throws -> ArchiveSettings {
        let settings = try makeSettings()
        let qingfeng = try settings.counties.resolve("qingfeng")
        _ = try Ingester(settings: settings, county: qingfeng).ingest(paths: [Fixtures.media("clip-179.9s.mp4")])
        return settings
    }

    func get(_ uri: String, settings: ArchiveSettings) async throws -> (HTTPResponse.Status, Any?) {
        let app = testApplication(settings: settings)
        let archivist = try AccessTokens(root: settings.root).create(role: .archivist)
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(archivist.secret)"]) { response in
                (response.status, try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)))
            }
        }
    }

    @Test func searchByCountyReturnsTheEntriesAsSearchJSONPrintsThem() async throws {
        let settings = try Self.populated()
        let (status, body) = try await get("/api/search?county=%E6%B8%85%E4%B8%B0%E5%8E%BF&kind=video", settings: settings)
        #expect(status == .ok)
        let entries = body as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        #expect(entries.first?["county"] as? String == "qingfeng")
        #expect(entries.first?["originalNames"] as? [String] == ["clip-179.9s.mp4"])
        #expect((entries.first?["sha256"] as? String)?.count == 64)

        let (_, other) = try await get("/api/search?county=hualong", settings: settings)
        #expect((other as? [Any])?.isEmpty == true, "another county's search finds nothing")
        let (_, text) = try await get("/api/search?text=179.9", settings: settings)
        #expect((text as? [Any])?.count == 1)
    }

    @Test func aBadDateIs400WithAMessage() async throws {
        let (status, body) = try await get("/api/search?from=2021-13-40", settings: try makeSettings())
        #expect(status == .badRequest)
        let message = ((body as? [String: Any])?["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("YYYY-MM-DD"), "got \(message)")
    }

    @Test func anUnknownCountyIs400() async throws {
        let (status, body) = try await get("/api/search?county=atlantis", settings: try makeSettings())
        #expect(status == .badRequest)
        let message = ((body as? [String: Any])?["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("atlantis"), "got \(message)")
    }
}
