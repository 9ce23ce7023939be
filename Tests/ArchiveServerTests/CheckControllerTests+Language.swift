import ArchiveServer
import Foundation
import HTTPTypes
import MediaArchive
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
        #expect(unreadable["error"] as? String == Message.textFile.text(in: .zh))
    }
}
