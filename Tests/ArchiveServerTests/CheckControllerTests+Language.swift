import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import MediaFacts
import Testing

/// In the serialized check suite: its other tests count upload folders in the temp directory.
extension CheckControllerTests {
    @Test func theCheckAPIIsEnglishUnlessAskedForChinese() async throws {
        let upload = try MultipartUpload(fixture: "clip-181s.mp4")
        func reasons(_ uri: String, _ headers: HTTPFields = [:]) async throws -> [String] {
            let (_, result) = try await postCheck(upload, uri: uri, headers: headers)
            return result["reasons"] as? [String] ?? []
        }
        #expect(try await reasons("/api/check").first?.contains("1 s over the 3:00 limit") == true)
        #expect(try await reasons("/api/check", [.acceptLanguage: "zh-CN"]).first?.contains("over the 3:00 limit") == true,
                "Accept-Language alone does not change what scripts read")
        #expect(try await reasons("/api/check?lang=zh").first?.contains("超出 3 分钟上限 1 秒") == true)
        #expect(try await reasons("/api/check", [.cookie: "lang=zh"]).first?.contains("超出 3 分钟上限") == true)
        let (_, unreadable) = try await postCheck(try MultipartUpload(fixture: "text.mp4"), uri: "/api/check?lang=zh")
        #expect(unreadable["error"] as? String == Message.cannotRead(.textFile).text(in: .zh))
    }

    /// What a malformed upload is told: English for scripts, Chinese when `lang` asks.
    @Test func uploadRefusalsAreEnglishUnlessAskedForChinese() async throws {
        let before = leftoverUploads()
        let form = "multipart/form-data; boundary=\(MultipartUpload.boundary)"
        let whole = MultipartUpload(fileName: "a.mp4", contents: Data(repeating: 7, count: 4096))
        let cases: [(contentType: String, body: ByteBuffer, sentence: Message, english: String)] = [
            (form, ByteBuffer(string: "--\(MultipartUpload.boundary)\r\nNot A Header\r\n\r\nx\r\n--\(MultipartUpload.boundary)--\r\n"),
             .uploadMalformed, "the multipart upload is malformed"),
            ("multipart/form-data", whole.body, .uploadHasNoBoundary,
             "the multipart upload has no boundary; send the form as multipart/form-data"),
            (form, MultipartUpload(fileName: "a.mp4", contents: Data("x".utf8), field: "other").body, .uploadHasNoFile(field: "file"),
             #"the upload has no complete file in the form field "file""#),
            (form, whole.body.getSlice(at: 0, length: 1024)!, .uploadCutShort,
             "the upload stopped before the whole file arrived; send it again"),
            ("application/octet-stream", ByteBuffer(string: "x"), .uploadNeedsFileName,
             "a raw upload needs the file's name in the X-File-Name header"),
            ("text/plain", ByteBuffer(string: "x"), .uploadNotAForm(field: "file"),
             #"send the file as multipart/form-data with the field "file" (or as application/octet-stream with an X-File-Name header)"#),
        ]
        try await testApplication(settings: try ArchiveSettingsBox().make()).test(.router) { client in
            for (contentType, body, sentence, english) in cases {
                let askings: [(uri: String, extra: HTTPFields, expected: String)] = [
                    ("/api/check", [:], english), ("/api/check?lang=zh", [:], sentence.text(in: .zh)),
                    ("/api/check", [.cookie: "lang=zh"], sentence.text(in: .zh)),
                ]
                for (uri, extra, expected) in askings {
                    let headers: HTTPFields = [.contentType: contentType] + extra
                    try await client.execute(uri: uri, method: .post, headers: headers, body: body) { response in
                        #expect(response.status == .badRequest, "\(english)")
                        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                        #expect((object?["error"] as? [String: Any])?["message"] as? String == expected, "\(uri) \(extra)")
                    }
                }
            }
        }
        #expect(Message.uploadCutShort.text(in: .zh) == "文件还没有传完，上传就中断了；请重新发送")
        #expect(leftoverUploads().subtracting(before).isEmpty, "a refused upload must leave nothing behind")
    }
}
