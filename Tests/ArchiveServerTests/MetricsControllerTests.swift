import ArchiveServer
import Foundation
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `/metrics` as Prometheus scrapes it, after a few visits.
struct MetricsControllerTests {
    /// The value of the sample whose line starts with `prefix` (name and labels).
    func value(_ text: String, _ prefix: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    @Test func requestsVerdictsAndIngestedBytesAreCountedWithoutSayingWhatWasIngested() async throws {
        let office = try IngestControllerTests.Office()
        let photo = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
        let text = try await buildApplication(settings: office.settings).test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(uri: "/no/such/page/秘密", method: .get) { #expect($0.status == .notFound) }
            let check = try MultipartUpload(fixture: "clip-181s.mp4")
            try await client.execute(uri: "/api/check", method: .post, headers: check.headers, body: check.body) { #expect($0.status == .ok) }
            let upload = MultipartUpload(fileName: "濮阳秘密合影.jpg", contents: photo)
            var headers = upload.headers
            headers.append(contentsOf: IngestControllerTests.bearer(office.clerk))
            try await client.execute(uri: "/api/ingest?county=nanle", method: .post, headers: headers, body: upload.body) { #expect($0.status == .ok) }
            return try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
                return String(buffer: response.body)
            }
        }
        #expect(value(text, #"media_archive_http_requests_total{route="/healthz",method="GET",status="200"}"#) == 2)
        #expect(value(text, #"media_archive_http_requests_total{route="NotFound",method="GET",status="404"}"#) == 1, "unknown paths share one label")
        #expect(value(text, #"media_archive_http_request_duration_seconds_count{route="/healthz",method="GET"}"#) == 2)
        #expect(text.contains(#"media_archive_http_request_duration_seconds_bucket{route="/healthz",method="GET",le="+Inf"} 2"#))
        #expect(value(text, #"media_archive_check_verdicts_total{verdict="fail",source="check"}"#) == 1)
        #expect(value(text, #"media_archive_check_verdicts_total{verdict="pass",source="ingest"}"#) == 1)
        #expect(value(text, "media_archive_ingested_bytes_total") == Double(photo.count))
        #expect(value(text, "media_archive_worker_restarts_total") == 0, "ready for the workers, at 0")
        for secret in ["秘密", "nanle", "南乐", "photo", ".jpg"] {
            #expect(!text.contains(secret), "/metrics must not reveal \(secret)")
        }
    }
}
