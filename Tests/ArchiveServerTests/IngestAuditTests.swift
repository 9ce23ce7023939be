import ArchiveServer
import Foundation
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// The web ingest leaves its record in the audit log, under the clerk's token.
struct IngestAuditTests {
    @Test func aWebIngestIsLoggedWithTheClerksTokenNameAndRole() async throws {
        let office = try IngestControllerTests.Office()
        let upload = try MultipartUpload(fixtures: [("photo.jpg", "合影.jpg"), ("text.mp4", "坏文件.mp4")])
        var headers = upload.headers
        headers.append(contentsOf: IngestControllerTests.bearer(office.clerk))
        let sent = headers
        let receipts = try await buildApplication(settings: office.settings).test(.router) { client in
            try await client.execute(uri: "/api/ingest?county=qingfeng", method: .post, headers: sent, body: upload.body) { response in
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]] ?? []
            }
        }
        let events = try AuditLog(settings: office.settings).events().events
        #expect(events.count == 2)
        let stored = try #require(events.first)
        #expect(stored.who == AuditActor(name: "收件员小王", role: "clerk"))
        #expect(stored.action == .ingestStored)
        #expect(stored.county == "qingfeng")
        #expect(stored.file == "合影.jpg")
        #expect(stored.sha256 == receipts.first?["sha256"] as? String)
        #expect(events.last?.action == .ingestRejected)
        #expect(events.last?.detail?.isEmpty == false, "why it was refused is kept")
    }
}
