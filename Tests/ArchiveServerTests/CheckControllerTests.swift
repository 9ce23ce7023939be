import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// Uploads are compared against the temp folder, so these run one at a time.
@Suite(.serialized) struct CheckControllerTests {
    func postCheck(_ upload: MultipartUpload, settings: ArchiveSettingsBox = .init(), uri: String = "/api/check",
                   headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, [String: Any]) {
        let app = testApplication(settings: try settings.make())
        var all = upload.headers
        all.append(contentsOf: headers)
        let sent = all
        return try await app.test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: sent, body: upload.body) { response in
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
                return (response.status, object)
            }
        }
    }

    @Test func aClipUnderThreeMinutesPasses() async throws {
        let before = leftoverUploads()
        let (status, result) = try await postCheck(try MultipartUpload(fixture: "clip-179.9s.mp4", as: "县里的视频.mp4"))
        #expect(status == .ok)
        #expect(result["verdict"] as? String == "pass")
        #expect(result["kind"] as? String == "video")
        #expect(result["path"] as? String == "县里的视频.mp4")
        #expect(abs((result["durationSeconds"] as? Double ?? 0) - 179.9) < 0.2)
        let keys: Set<String> = ["path", "kind", "verdict", "reasons", "warnings", "durationSeconds", "durationSource",
                                 "format", "video", "audio", "error"]
        #expect(Set(result.keys) == keys)
        #expect(leftoverUploads().subtracting(before).isEmpty, "the upload must be deleted after the check")
    }

    @Test func askedForAThumbnailTheCheckCarriesTheUprightPicture() async throws {
        let (status, result) = try await postCheck(try MultipartUpload(fixture: "phone-rotated.mp4"), uri: "/api/check?thumbnail=1")
        #expect(status == .ok)
        #expect(result["verdict"] as? String == "pass")
        let url = result["thumbnail"] as? String ?? ""
        #expect(url.hasPrefix("data:image/jpeg;base64,"))
        let jpeg = Data(base64Encoded: String(url.dropFirst("data:image/jpeg;base64,".count))) ?? Data()
        let size = try #require(JPEGSize(jpeg), "the thumbnail must be a JPEG")
        #expect(size.height > size.width, "the phone held upright gives a portrait thumbnail, got \(size)")
        #expect(max(size.width, size.height) <= 320)

        let (_, unreadable) = try await postCheck(try MultipartUpload(fixture: "text.mp4"), uri: "/api/check?thumbnail=1")
        #expect(unreadable.keys.contains("thumbnail") && unreadable["thumbnail"] is NSNull, "no picture for an unreadable file")
        let (_, plain) = try await postCheck(try MultipartUpload(fixture: "clip-179.9s.mp4"))
        #expect(plain["thumbnail"] == nil, "without the parameter the object is exactly DESIGN's check")
    }

    @Test func theSelfCheckNeedsNoTokenEvenWhenTokensExist() async throws {
        let settings = try makeSettings()
        _ = try AccessTokens(root: settings.root).create(role: .archivist)
        let upload = try MultipartUpload(fixture: "clip-179.9s.mp4")
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/api/check", method: .post, headers: upload.headers, body: upload.body) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aClipOverThreeMinutesFailsWithTheReason() async throws {
        let (status, result) = try await postCheck(try MultipartUpload(fixture: "clip-181s.mp4"))
        #expect(status == .ok)
        #expect(result["verdict"] as? String == "fail")
        #expect(result["path"] as? String == "clip-181s.mp4")
        let reasons = result["reasons"] as? [String] ?? []
        #expect(reasons.contains { $0.contains("over the 3:00 limit") }, "got \(reasons)")
    }

    @Test func aTextFileIsAnErrorAndNoServerPathLeaks() async throws {
        let (status, result) = try await postCheck(try MultipartUpload(fixture: "text.mp4", as: "notes.mp4"))
        #expect(status == .ok)
        #expect(result["verdict"] as? String == "error")
        let error = result["error"] as? String ?? ""
        #expect(!error.isEmpty)
        #expect(!error.contains(FileManager.default.temporaryDirectory.path))
        #expect(result["path"] as? String == "notes.mp4")
    }

    @Test func anUploadOverThePolicyLimitIs413() async throws {
        let before = leftoverUploads()
        // 100 000 bytes: the Content-Length alone gives it away, refused before reading.
        let (status, result) = try await postCheck(try MultipartUpload(fixture: "clip-181s.mp4"),
                                                   settings: ArchiveSettingsBox(maxFileBytes: 100_000))
        #expect(status == .contentTooLarge)
        let message = (result["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(message.contains("larger than the 97.7 KiB limit"), "got \(message)")
        // 550 000 of 562 119 bytes: within the framing allowance, so refused while streaming.
        let (streamed, _) = try await postCheck(try MultipartUpload(fixture: "clip-181s.mp4"),
                                                settings: ArchiveSettingsBox(maxFileBytes: 550_000))
        #expect(streamed == .contentTooLarge)
        #expect(leftoverUploads().subtracting(before).isEmpty, "a refused upload must leave nothing behind")
    }

    @Test func aRawUploadNamedByHeaderIsChecked() async throws {
        let app = testApplication(settings: try ArchiveSettingsBox().make())
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("clip-179.9s.mp4")))
        try await app.test(.router) { client in
            let headers: HTTPFields = [.contentType: "application/octet-stream",
                                       HTTPField.Name("X-File-Name")!: "%E8%A7%86%E9%A2%91.mp4"]
            try await client.execute(uri: "/api/check", method: .post, headers: headers, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                #expect(object?["verdict"] as? String == "pass")
                #expect(object?["path"] as? String == "视频.mp4")
            }
        }
    }

    @Test func anUploadWithoutTheFileFieldIs400() async throws {
        let (status, result) = try await postCheck(MultipartUpload(fileName: "a.mp4", contents: Data("x".utf8), field: "other"))
        #expect(status == .badRequest)
        #expect(((result["error"] as? [String: Any])?["message"] as? String)?.contains("\"file\"") == true)
    }

    @Test func theCheckPageIsChineseHTML() async throws {
        let app = testApplication(settings: try ArchiveSettingsBox().make())
        try await app.test(.router) { client in
            var scriptPath: String?
            try await client.execute(uri: "/check", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let page = String(buffer: response.body)
                #expect(page.contains("视频自查"))
                #expect(!page.contains("{{"), "every placeholder is filled in")
                #expect(!page.contains("src=\"http"), "no external assets")
                scriptPath = try PageScriptSettings(html: page).scriptPath
            }
            // The page's own script, a file of its own, is what calls the API.
            try await client.execute(uri: try #require(scriptPath), method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("/api/check"))
            }
        }
    }
}

/// Test settings, optionally with a smaller upload limit.
struct ArchiveSettingsBox {
    var maxFileBytes: Int64?

    func make() throws -> ArchiveSettings {
        try makeSettings { policy in
            if let maxFileBytes { policy.maxFileBytes = maxFileBytes }
        }
    }
}
