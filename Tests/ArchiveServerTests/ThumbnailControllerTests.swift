import ArchiveServer
import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `GET /thumbs/:sha256`: the JPEG thumbnail the search page's tiles show.
struct ThumbnailControllerTests {
    @Test func aThumbnailIsAJPEGABrowserMayKeep() async throws {
        let archive = try GalleryArchive()
        try await testApplication(settings: archive.settings).test(.router) { client in
            for name in ["clip-179.9s.mp4", "chinese-gps.jpg"] {
                try await client.execute(uri: "/thumbs/\(try archive.sha(name))", method: .get, headers: archive.bearer) { response in
                    #expect(response.status == .ok, "\(name)")
                    #expect(response.headers[.contentType] == "image/jpeg")
                    let bytes = Array(response.body.readableBytesView)
                    #expect(bytes.prefix(3) == [0xFF, 0xD8, 0xFF], "\(name): a JPEG starts with SOI")
                    #expect(response.headers[.contentLength] == "\(bytes.count)")
                    #expect(response.headers[.cacheControl]?.contains("max-age=31536000") == true)
                }
            }
            try await client.execute(uri: "/thumbs/\(try archive.sha("summary.pdf"))", method: .get, headers: archive.bearer) { response in
                #expect(response.status == .notFound, "a document has no thumbnail")
            }
            try await client.execute(uri: "/thumbs/\(String(repeating: "f", count: 64))", method: .get, headers: archive.bearer) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/thumbs/\(try archive.sha("photo.jpg"))", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func headAnswersGetsHeadersWithoutThePicture() async throws {
        let archive = try GalleryArchive()
        try await testApplication(settings: archive.settings).test(.router) { client in
            let cases: [(uri: String, headers: HTTPFields, status: HTTPResponse.Status)] = [
                ("/thumbs/\(try archive.sha("clip-179.9s.mp4"))", archive.bearer, .ok),
                ("/thumbs/\(try archive.sha("clip-179.9s.mp4"))", archive.bearer + [.range: "bytes=0-9"], .partialContent),
                ("/thumbs/\(try archive.sha("summary.pdf"))", archive.bearer, .notFound),
                ("/thumbs/\(try archive.sha("photo.jpg"))", [:], .unauthorized),
                ("/thumbs/not-a-hash", archive.bearer, .badRequest),
            ]
            for (uri, headers, status) in cases {
                let get = try await client.execute(uri: uri, method: .get, headers: headers) { $0 }
                let head = try await client.execute(uri: uri, method: .head, headers: headers) { $0 }
                #expect(head.status == status, "\(uri) \(headers)")
                #expect(head.status == get.status && head.headers == get.headers, "\(uri) \(headers)")
                #expect(head.body.readableBytes == 0, "\(uri) \(headers)")
                if status == .ok {
                    #expect(head.headers[.contentType] == "image/jpeg")
                    #expect(head.headers[.contentLength] == "\(get.body.readableBytes)", "the picture's size, without the picture")
                }
            }
        }
    }
}
