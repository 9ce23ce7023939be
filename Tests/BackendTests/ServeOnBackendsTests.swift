import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive

/// `serve` on the embedded archive and on Ceph RGW + PostgreSQL answers the same: the search
/// API and page, an item page, its media (whole and a byte range, streamed from S3), its
/// thumbnail, the status API, and an upload through `/api/ingest` and `/api/handin`.
@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct ServeOnBackendsTests {
    struct Deployment {
        var settings: ArchiveSettings
        var backends: StorageBackends
        var archivist: String
        var clerk: String

        init(settings: ArchiveSettings, backends: StorageBackends) throws {
            self.settings = settings
            self.backends = backends
            // In PostgreSQL when the catalogue is: where the server looks for them.
            let tokens = backends.tokens(settings)
            archivist = try tokens.create(role: .archivist).secret
            clerk = try tokens.create(role: .clerk, name: "收件员").secret
        }

        struct Answer: Equatable {
            var status: HTTPResponse.Status
            var contentType: String?
            var contentRange: String?
            var body: Data
        }

        func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Answer {
            try await send(uri, method: .get, headers: headers, body: nil, secret: archivist)
        }

        func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?, secret: String) async throws -> Answer {
            let app = buildApplication(settings: settings, logLevel: .warning, backends: backends)
            var signed = headers
            signed[.authorization] = "Bearer \(secret)"
            let all = signed
            return try await app.test(.router) { client in
                try await client.execute(uri: uri, method: method, headers: all, body: body) { response in
                    Answer(status: response.status, contentType: response.headers[.contentType],
                           contentRange: response.headers[.contentRange], body: Data(response.body.readableBytesView))
                }
            }
        }
    }

    static func deployments() throws -> (embedded: Deployment, remote: Deployment, store: S3ObjectStore) {
        let (store, catalogue, _, _) = try Services.fresh()
        let embedded = try ArchiveSettings.load(root: try Services.archiveFolder())
        let remote = try ArchiveSettings.load(root: try Services.archiveFolder())
        _ = try SameResultsTests().ingestAll(settings: embedded, store: nil, catalogue: nil)
        _ = try SameResultsTests().ingestAll(settings: remote, store: store, catalogue: catalogue)
        return (try Deployment(settings: embedded, backends: StorageBackends()),
                try Deployment(settings: remote, backends: StorageBackends(store: store, catalogue: catalogue)), store)
    }

    @Test func theRoutesAnswerTheSameOnBothDeployments() async throws {
        let (embedded, remote, store) = try Self.deployments()
        // Nothing of the county's files is in the remote deployment's folder.
        #expect(!FileManager.default.fileExists(atPath: remote.settings.root.appendingPathComponent("hualong/objects").path))

        let search = try await embedded.get("/api/search?county=hualong")
        #expect(search.status == .ok)
        #expect(try await remote.get("/api/search?county=hualong") == search)
        let entries = try JSONDecoder().decode([CatalogEntry].self, from: search.body)
        let video = try #require(entries.first { $0.kind == .video && $0.thumbnail != nil })
        let photo = try #require(entries.first { $0.kind == .photo })

        for uri in ["/api/status", "/search?county=hualong", "/search?county=hualong&kind=photo", "/items/\(video.sha256)",
                    "/items/\(photo.sha256)", "/thumbs/\(video.sha256)", "/thumbs/\(photo.sha256)", "/", "/board"] {
            let here = try await embedded.get(uri)
            #expect(here.status == .ok, "\(uri) on the embedded archive")
            let there = try await remote.get(uri)
            #expect(there == here, "\(uri): \(there.status), \(there.body.count) bytes vs \(here.body.count)")
        }

        // The media: whole, a range in the middle, a suffix range, past the end — byte for byte
        // the handed-in file, read from RGW in ranged pieces.
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("clip-179.9s.mp4")))
        let whole = try await remote.get("/media/\(video.sha256)")
        #expect(whole.status == .ok)
        #expect(whole.body == original)
        #expect(try await embedded.get("/media/\(video.sha256)") == whole)
        for range in ["bytes=1000-4999", "bytes=-300", "bytes=\(original.count - 10)-"] {
            let here = try await embedded.get("/media/\(video.sha256)", headers: [.range: range])
            #expect(here.status == .partialContent)
            #expect(try await remote.get("/media/\(video.sha256)", headers: [.range: range]) == here, "\(range)")
        }
        #expect(try await remote.get("/media/\(video.sha256)", headers: [.range: "bytes=1000-4999"]).body == original[1000...4999])
        #expect(try await remote.get("/media/\(video.sha256)", headers: [.range: "bytes=\(original.count)-"]).status == .rangeNotSatisfiable)

        // The thumbnails are in the store beside the objects.
        #expect(try store.size(key: "hualong/thumbs/\(video.sha256.bucket)/\(video.sha256).jpg") != nil)
        #expect(try await remote.get("/media/\(String(repeating: "0", count: 64))").status == .notFound)
    }

    /// Tokens in PostgreSQL: made by `token create` beside one server's folder, honoured by a
    /// server with another folder on the same database, revoked for both at once; creates at
    /// the same moment all land.
    @Test func tokensInPostgresAreSharedByEveryServer() async throws {
        let (_, catalogue, _, url) = try Services.fresh()
        let first = try Services.archiveFolder(), second = try Services.archiveFolder()
        func token(_ arguments: [String], folder: URL) throws -> [String: Any] {
            let process = Process()
            process.executableURL = Services.binary
            process.arguments = ["token"] + arguments + ["--archive", folder.path, "--catalogue", url, "--json"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "token \(arguments)")
            return (try? JSONSerialization.jsonObject(with: printed) as? [String: Any]) ?? [:]
        }
        let made = try token(["create", "--role", "archivist"], folder: first)
        let secret = try #require(made["token"] as? String), id = try #require(made["id"] as? String)
        #expect(!FileManager.default.fileExists(atPath: first.appendingPathComponent("tokens.json").path))

        let settings = try ArchiveSettings.load(root: second)
        let shared = StorageBackends(catalogue: catalogue)
        func status(_ backends: StorageBackends) async throws -> HTTPResponse.Status {
            let app = buildApplication(settings: settings, logLevel: .warning, backends: backends)
            return try await app.test(.router) { client in
                try await client.execute(uri: "/api/search", method: .get, headers: [.authorization: "Bearer \(secret)"]) { $0.status }
            }
        }
        #expect(try await status(shared) == .ok)
        #expect(try await status(StorageBackends()) == .unauthorized, "the folder's own tokens.json does not have it")

        // Four creates at once from two folders: all land.
        let processes = (0..<4).map { index -> Process in
            let process = Process()
            process.executableURL = Services.binary
            process.arguments = ["token", "create", "--role", "clerk", "--archive", (index % 2 == 0 ? first : second).path, "--catalogue", url]
            process.standardOutput = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(try AccessTokens(root: second, storage: catalogue).all().count == 5)

        _ = try token(["revoke", id], folder: second)
        #expect(try await status(shared) == .unauthorized)
    }

    @Test func anUploadThroughTheWebAppLandsInTheStoreAndTheCatalogue() async throws {
        let (embedded, remote, store) = try Self.deployments()
        let boundary = "----ServeOnBackends"
        func upload(_ fixture: String, as name: String) throws -> ByteBuffer {
            var buffer = ByteBuffer()
            buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n")
            buffer.writeString("Content-Type: application/octet-stream\r\n\r\n")
            buffer.writeBytes(try Data(contentsOf: URL(fileURLWithPath: Fixtures.media(fixture))))
            buffer.writeString("\r\n--\(boundary)--\r\n")
            return buffer
        }
        let multipart: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        for deployment in [embedded, remote] {
            let ingest = try await deployment.send("/api/ingest?county=hualong", method: .post, headers: multipart,
                                                   body: try upload("still-66x50.png", as: "展板.png"), secret: deployment.clerk)
            #expect(ingest.status == .ok)
            let handIn = try await deployment.send("/api/handin?county=hualong&part=photo", method: .post, headers: multipart,
                                                   body: try upload("odd-59x101.jpg", as: "合影.jpg"), secret: deployment.clerk)
            #expect(handIn.status == .ok)
        }
        // Both stored alike (the same hashes, objects and parts; only the stamps differ).
        let first = try await embedded.get("/api/search?county=hualong")
        let second = try await remote.get("/api/search?county=hualong")
        let here = try JSONDecoder().decode([CatalogEntry].self, from: first.body)
        let there = try JSONDecoder().decode([CatalogEntry].self, from: second.body)
        #expect(there.count == here.count)
        #expect(Set(there.map(\.sha256)) == Set(here.map(\.sha256)))
        // (Two uploads of one second may list in either order: the same set of keys.)
        #expect(Set(there.compactMap(\.object)) == Set(here.compactMap(\.object)))
        let uploaded = try #require(there.first { $0.originalNames == ["合影.jpg"] })
        #expect(uploaded.part == .photo)
        #expect(try store.size(key: try #require(uploaded.object)) != nil)
        #expect(try store.keys(under: "hualong/staging/").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: remote.settings.root.appendingPathComponent("hualong/objects").path))
    }
}
