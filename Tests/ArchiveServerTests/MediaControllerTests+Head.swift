import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `HEAD /media/:sha256`: what a download manager or a player asks before it fetches: exactly
/// GET's status and headers, and no bytes.
extension MediaControllerTests {
    /// GET and HEAD of one URL with the same request headers; HEAD's answer must be GET's
    /// without its body.
    func expectHeadMatchesGet(_ uri: String, archive: GalleryArchive, headers: HTTPFields = [:], authorised: Bool = true,
                              sourceLocation: SourceLocation = #_sourceLocation) async throws -> Answer {
        let get = try await get(uri, archive: archive, headers: headers, authorised: authorised)
        let head = try await send(.head, uri, archive: archive, headers: headers, authorised: authorised)
        #expect(head.status == get.status, "\(uri) \(headers)", sourceLocation: sourceLocation)
        #expect(head.headers == get.headers, "\(uri) \(headers)", sourceLocation: sourceLocation)
        #expect(head.body.isEmpty, "HEAD sends no body: \(uri) \(headers)", sourceLocation: sourceLocation)
        return head
    }

    @Test func headAnswersGetsHeadersWithoutTheBytes() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("clip-179.9s.mp4")
        let size = try GalleryArchive.bytes("clip-179.9s.mp4").count
        let whole = try await expectHeadMatchesGet("/media/\(sha)", archive: archive)
        #expect(whole.status == .ok)
        #expect(whole.headers[.contentLength] == "\(size)", "the size of the file, though no byte of it is sent")
        #expect(whole.headers[.contentType] == "video/mp4")
        #expect(whole.headers[.acceptRanges] == "bytes")
        #expect(whole.headers[.eTag] == "\"\(sha)\"")
        #expect(whole.headers[.contentDisposition] == #"inline; filename="clip-179.9s.mp4"; filename*=UTF-8''clip-179.9s.mp4"#)
        #expect(whole.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")

        let part = try await expectHeadMatchesGet("/media/\(sha)", archive: archive, headers: [.range: "bytes=-500"])
        #expect(part.status == .partialContent)
        #expect(part.headers[.contentRange] == "bytes \(size - 500)-\(size - 1)/\(size)")
        #expect(part.headers[.contentLength] == "500")

        let beyond = try await expectHeadMatchesGet("/media/\(sha)", archive: archive, headers: [.range: "bytes=\(size)-"])
        #expect(beyond.status == .rangeNotSatisfiable)
        #expect(beyond.headers[.contentRange] == "bytes */\(size)")

        let stale = try await expectHeadMatchesGet("/media/\(sha)", archive: archive, headers: [.range: "bytes=0-9", .ifRange: "\"0000\""])
        #expect(stale.status == .ok && stale.headers[.contentLength] == "\(size)")

        let download = try await expectHeadMatchesGet("/media/\(try archive.sha("县 科技周 开幕式.mp4"))?download=1", archive: archive)
        #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; ") == true)
    }

    @Test func headIsRefusedWhereGetIsAndStillSendsNoBody() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("photo.jpg")
        let stranger = try await expectHeadMatchesGet("/media/\(sha)", archive: archive, authorised: false)
        #expect(stranger.status == .unauthorized)
        #expect(stranger.headers[.wwwAuthenticate] != nil)
        let malformed = try await expectHeadMatchesGet("/media/\(sha.uppercased())", archive: archive)
        #expect(malformed.status == .badRequest)
        let unknown = try await expectHeadMatchesGet("/media/\(String(repeating: "0", count: 64))", archive: archive)
        #expect(unknown.status == .notFound)
        let open = try GalleryArchive(publicBrowse: true)
        let opened = try await expectHeadMatchesGet("/media/\(try open.sha("photo.jpg"))", archive: open, authorised: false)
        #expect(opened.status == .ok)
    }

    /// Over a real socket: the file's size reaches the client in Content-Length (the HTTP layer
    /// does not recount it from the empty body), and the kept-alive connection serves the next request.
    @Test func overTCPAHeadLeavesTheConnectionCleanForTheNextRequest() async throws {
        let archive = try GalleryArchive()
        let sha = try archive.sha("clip-179.9s.mp4")
        let original = try GalleryArchive.bytes("clip-179.9s.mp4")
        let app = testApplication(settings: archive.settings, address: ServerAddress(host: "127.0.0.1", port: 0))
        try await app.test(.live) { client in
            try await client.execute(uri: "/media/\(sha)", method: .head, headers: archive.bearer) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentLength] == "\(original.count)")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/media/\(sha)", method: .head) { response in
                #expect(response.status == .unauthorized)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/media/\(sha)", method: .get, headers: archive.bearer + [.range: "bytes=0-99"]) { response in
                #expect(response.status == .partialContent)
                #expect(Array(response.body.readableBytesView) == Array(original[0...99]))
            }
        }
    }
}
