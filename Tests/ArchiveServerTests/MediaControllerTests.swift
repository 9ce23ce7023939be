import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `GET /media/:sha256`: the original bytes, whole or by range, under the original name.
struct MediaControllerTests {
    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: [UInt8]
    }

    func get(_ uri: String, archive: GalleryArchive, headers: HTTPFields = [:], authorised: Bool = true) async throws -> Answer {
        try await send(.get, uri, archive: archive, headers: headers, authorised: authorised)
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, archive: GalleryArchive, headers: HTTPFields = [:],
              authorised: Bool = true) async throws -> Answer {
        let all = authorised ? headers + archive.bearer : headers
        return try await testApplication(settings: archive.settings).test(.router) { client in
            try await client.execute(uri: uri, method: method, headers: all) { response in
                Answer(status: response.status, headers: response.headers, body: Array(response.body.readableBytesView))
            }
        }
    }

    @Test func theWholeFileComesBackExactlyWithItsTypeAndLength() async throws {
        let archive = try GalleryArchive()
        let original = try GalleryArchive.bytes("clip-179.9s.mp4")
        let answer = try await get("/media/\(try archive.sha("clip-179.9s.mp4"))", archive: archive)
        #expect(answer.status == .ok)
        #expect(answer.body == original)
        #expect(answer.headers[.contentLength] == "\(original.count)")
        #expect(answer.headers[.contentType] == "video/mp4")
        #expect(answer.headers[.acceptRanges] == "bytes")
        #expect(answer.headers[.contentDisposition] == #"inline; filename="clip-179.9s.mp4"; filename*=UTF-8''clip-179.9s.mp4"#)
        #expect(answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "the browser must not guess another type")

        let photo = try await get("/media/\(try archive.sha("chinese-gps.jpg"))", archive: archive)
        #expect(photo.headers[.contentType] == "image/jpeg")
        #expect(photo.body == (try GalleryArchive.bytes("chinese-gps.jpg")))
    }

    @Test func eachKindOfRangeReturnsExactlyThoseBytes() async throws {
        let archive = try GalleryArchive()
        let original = try GalleryArchive.bytes("clip-179.9s.mp4")
        let size = original.count
        let uri = "/media/\(try archive.sha("clip-179.9s.mp4"))"
        let cases: [(range: String, first: Int, last: Int)] = [
            ("bytes=100-1099", 100, 1099),          // a-b
            ("bytes=\(size - 300)-", size - 300, size - 1), // a- : to the end
            ("bytes=-500", size - 500, size - 1),   // -n : the last n bytes
            ("bytes=0-\(size * 2)", 0, size - 1),   // a last byte past the end is cut to the end
        ]
        for (range, first, last) in cases {
            let answer = try await get(uri, archive: archive, headers: [.range: range])
            #expect(answer.status == .partialContent, "\(range)")
            #expect(answer.body == Array(original[first...last]), "\(range)")
            #expect(answer.headers[.contentRange] == "bytes \(first)-\(last)/\(size)", "\(range)")
            #expect(answer.headers[.contentLength] == "\(last - first + 1)", "\(range)")
        }
    }

    @Test func aRangeBeyondTheEndIs416WithTheSize() async throws {
        let archive = try GalleryArchive()
        let size = try GalleryArchive.bytes("clip-179.9s.mp4").count
        let uri = "/media/\(try archive.sha("clip-179.9s.mp4"))"
        for range in ["bytes=\(size)-", "bytes=\(size + 10)-\(size + 20)", "bytes=-0"] {
            let answer = try await get(uri, archive: archive, headers: [.range: range])
            #expect(answer.status == .rangeNotSatisfiable, "\(range)")
            #expect(answer.headers[.contentRange] == "bytes */\(size)", "\(range)")
            #expect(answer.body.isEmpty)
        }
        // Another unit, several ranges, or nonsense: the whole file, as RFC 9110 allows.
        for range in ["items=0-1", "bytes=0-1,5-9", "bytes=9-1", "bytes=abc"] {
            let answer = try await get(uri, archive: archive, headers: [.range: range])
            #expect(answer.status == .ok, "\(range)")
            #expect(answer.body.count == size)
        }
        // If-Range naming other content: the whole file, so no foreign bytes are spliced in.
        let stale = try await get(uri, archive: archive, headers: [.range: "bytes=0-9", .ifRange: "\"0000\""])
        #expect(stale.status == .ok && stale.body.count == size)
        let fresh = try await get(uri, archive: archive, headers: [.range: "bytes=0-9", .ifRange: "\"\(try archive.sha("clip-179.9s.mp4"))\""])
        #expect(fresh.status == .partialContent && fresh.body.count == 10)
    }

    @Test func aDownloadIsAnAttachmentUnderItsChineseName() async throws {
        let archive = try GalleryArchive()
        let answer = try await get("/media/\(try archive.sha("县 科技周 开幕式.mp4"))?download=1", archive: archive)
        #expect(answer.status == .ok)
        #expect(answer.headers[.contentDisposition]
            == #"attachment; filename="_ ___ ___.mp4"; filename*=UTF-8''%E5%8E%BF%20%E7%A7%91%E6%8A%80%E5%91%A8%20%E5%BC%80%E5%B9%95%E5%BC%8F.mp4"#)
        #expect(answer.body == (try GalleryArchive.bytes("县 科技周 开幕式.mp4")))
    }

    @Test func onlyA64DigitLowerCaseHashIsTakenSoNothingCanReachOtherFiles() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("clip-179.9s.mp4")
        // A file beside the county folders that a path built from the URL could reach.
        let policy = Data("not for the web".utf8)
        try policy.write(to: archive.settings.root.appendingPathComponent("policy.json"))
        for bad in ["..%2F..%2Fpolicy.json", "..%2Fpolicy.json", "..%2Fqingfeng%2Fobjects", "%2Fetc%2Fpasswd", sha.uppercased(), String(sha.prefix(12)),
                    sha + "0", sha + ".mp4", String(sha.dropLast()) + "g"] {
            let answer = try await get("/media/\(bad)", archive: archive)
            #expect(answer.status == .badRequest, "\(bad)")
            #expect(answer.body.count < 300 && Data(answer.body) != policy, "\(bad)")
            let thumbnail = try await get("/thumbs/\(bad)", archive: archive)
            #expect(thumbnail.status == .badRequest, "\(bad)")
        }
        // Paths the router splits never reach the handler at all.
        for unrouted in ["/media/../policy.json", "/media/%2E%2E/policy.json", "/media//etc/passwd", "/media/qingfeng/objects/\(sha.prefix(2))/\(sha).mp4"] {
            let answer = try await get(unrouted, archive: archive)
            #expect(answer.status != .ok, "\(unrouted)")
            #expect(Data(answer.body) != policy)
        }
    }

    @Test func anUnknownHashIs404() async throws {
        let archive = try GalleryArchive()
        let answer = try await get("/media/\(String(repeating: "0", count: 64))", archive: archive)
        #expect(answer.status == .notFound)
    }

    @Test func mediaNeedsATokenUnlessBrowsingIsPublic() async throws {
        let archive = try GalleryArchive()
        let uri = "/media/\(try archive.sha("photo.jpg"))"
        let refused = try await get(uri, archive: archive, authorised: false)
        #expect(refused.status == .unauthorized, "a file is no page: 401, not a redirect")
        #expect(refused.headers[.wwwAuthenticate] != nil)
        let cookie = try await get(uri, archive: archive, headers: [.cookie: "media_archive_token=\(archive.secret)"], authorised: false)
        #expect(cookie.status == .ok, "the login cookie lets the browser's <img> and <video> load it")
        let open = try GalleryArchive(publicBrowse: true)
        let opened = try await get("/media/\(try open.sha("photo.jpg"))", archive: open, authorised: false)
        #expect(opened.status == .ok)
    }
}
