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
        try await buildApplication(settings: archive.settings).test(.router) { client in
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
}
