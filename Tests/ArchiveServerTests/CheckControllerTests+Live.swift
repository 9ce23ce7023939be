import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// The server on a real socket (Hummingbird's `.live` test client over TCP), not just the
/// router: the same HTTP parsing, streaming and connection handling a browser meets. Part of the
/// serialized check suite, which owns the temp folder its uploads are counted in.
extension CheckControllerTests {
    @Test func aRealUploadOverTCPIsCheckedAndDeleted() async throws {
        let before = leftoverUploads()
        let app = testApplication(settings: try makeSettings(), address: ServerAddress(host: "127.0.0.1", port: 0))
        let upload = try MultipartUpload(fixture: "clip-181s.mp4", as: "清丰县 讲座.mp4")
        try await app.test(.live) { client in
            try await client.execute(uri: "/api/check?thumbnail=1", method: .post, headers: upload.headers, body: upload.body) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
                #expect(object["verdict"] as? String == "fail")
                #expect(object["path"] as? String == "清丰县 讲座.mp4")
                #expect((object["reasons"] as? [String])?.first?.contains("1 s over") == true, "got \(object["reasons"] ?? "nothing")")
                #expect((object["thumbnail"] as? String)?.hasPrefix("data:image/jpeg;base64,") == true)
            }
            try await client.execute(uri: "/check", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("视频自查"))
            }
        }
        #expect(leftoverUploads().subtracting(before).isEmpty, "the upload must be deleted after the check")
    }
}
