import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import NIOCore
import NIOPosix
import Testing
import TestSupport

/// The clerks' web ingest, as a clerk (and an archivist, and a stranger) meets it.
struct IngestControllerTests {
    /// An empty archive with a clerk's and an archivist's token.
    struct Office {
        var settings: ArchiveSettings
        var clerk: String
        var archivist: String

        init(_ edit: (inout SubmissionPolicy) -> Void = { _ in }) throws {
            settings = try makeSettings(edit)
            let tokens = AccessTokens(root: settings.root)
            clerk = try tokens.create(role: .clerk, name: "收件员小王").secret
            archivist = try tokens.create(role: .archivist).secret
        }

        var entries: [CatalogEntry] {
            get throws { try Catalog(settings: settings).search(CatalogQuery()) }
        }

        /// Whatever an upload left in a county's staging folder.
        func staging(_ county: String = "qingfeng") -> [String] {
            let folder = settings.root.appendingPathComponent(county).appendingPathComponent("staging")
            return (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        }

        func objects(_ county: String = "qingfeng") -> [String] {
            let folder = settings.root.appendingPathComponent(county).appendingPathComponent("objects")
            let walker = FileManager.default.enumerator(atPath: folder.path)
            return (walker?.allObjects as? [String] ?? []).filter { $0.contains(".") }
        }
    }

    struct Answer {
        var status: HTTPResponse.Status
        var json: Any?
        var receipts: [[String: Any]] { json as? [[String: Any]] ?? [] }
        var message: String { ((json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String ?? "" }
    }

    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }

    func post(_ upload: MultipartUpload, query: String = "county=qingfeng", headers: HTTPFields, office: Office) async throws -> Answer {
        var all = upload.headers
        all.append(contentsOf: headers)
        return try await post(body: upload.body, query: query, headers: all, office: office)
    }

    func post(body: ByteBuffer, query: String, headers: HTTPFields, office: Office) async throws -> Answer {
        try await testApplication(settings: office.settings).test(.router) { client in
            try await client.execute(uri: "/api/ingest?\(query)", method: .post, headers: headers, body: body) { response in
                Answer(status: response.status, json: try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)))
            }
        }
    }

    func get(_ uri: String, headers: HTTPFields = [:], office: Office) async throws -> (HTTPResponse.Status, HTTPFields, String) {
        try await testApplication(settings: office.settings).test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: headers) { response in
                (response.status, response.headers, String(buffer: response.body))
            }
        }
    }

    @Test func aClipIsStoredUnderItsUploadNameWithTheReceiptTheCommandLinePrints() async throws {
        let office = try Office()
        let answer = try await post(try MultipartUpload(fixture: "clip-179.9s.mp4", as: "开幕式.mp4"),
                                    query: "county=%E6%B8%85%E4%B8%B0%E5%8E%BF", headers: Self.bearer(office.clerk), office: office)
        #expect(answer.status == .ok)
        let receipt = try #require(answer.receipts.first)
        #expect(answer.receipts.count == 1)
        #expect(receipt["status"] as? String == "stored")
        #expect(receipt["path"] as? String == "开幕式.mp4", "the sender's name, never a server path")
        #expect(receipt["county"] as? String == "qingfeng")

        // The same object `media-archive ingest --json` prints for that file, but for its name and time.
        let cli = try Ingester(settings: try makeSettings(), county: try office.settings.counties.resolve("qingfeng"))
            .ingest(paths: [Fixtures.media("clip-179.9s.mp4")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var printed = try #require(try JSONSerialization.jsonObject(with: encoder.encode(cli)) as? [[String: Any]]).first ?? [:]
        #expect(Set(receipt.keys) == Set(printed.keys))
        var served = receipt
        for key in ["path", "ingestedAt"] { printed[key] = nil; served[key] = nil }
        #expect(NSDictionary(dictionary: served).isEqual(to: printed), "served \(served), printed \(printed)")

        let entry = try #require(try office.entries.first)
        #expect(entry.originalNames == ["开幕式.mp4"])
        #expect(entry.thumbnail != nil)
        #expect(office.staging().isEmpty, "the upload was moved into objects, nothing left in staging")
        #expect(office.objects().count == 1)
    }

    @Test func theSameBytesAgainAreADuplicateAndSearchFindsBothNames() async throws {
        let office = try Office()
        _ = try await post(try MultipartUpload(fixture: "photo.jpg", as: "合影.jpg"), headers: Self.bearer(office.clerk), office: office)
        let again = try await post(try MultipartUpload(fixture: "photo.jpg", as: "合影-重发.jpg"), headers: Self.bearer(office.clerk), office: office)
        #expect(again.receipts.first?["status"] as? String == "duplicate")
        #expect(office.objects().count == 1, "nothing copied a second time")
        #expect(office.staging().isEmpty)

        let found = try await get("/api/search?county=qingfeng&text=%E9%87%8D%E5%8F%91", headers: Self.bearer(office.archivist), office: office)
        #expect(found.0 == .ok)
        let entries = try JSONSerialization.jsonObject(with: Data(found.2.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        #expect(entries.first?["originalNames"] as? [String] == ["合影.jpg", "合影-重发.jpg"])
        #expect(entries.first?["kind"] as? String == "photo")
    }

    @Test func aFailingVideoIsRejectedWithTheCheckReasonUnlessAccepted() async throws {
        let office = try Office()
        let rejected = try await post(try MultipartUpload(fixture: "clip-181s.mp4"), headers: Self.bearer(office.clerk), office: office)
        #expect(rejected.status == .ok)
        let receipt = try #require(rejected.receipts.first)
        #expect(receipt["status"] as? String == "rejected")
        #expect(receipt["verdict"] as? String == "fail")
        #expect(receipt["sha256"] is NSNull)
        #expect((receipt["reasons"] as? [String])?.first?.contains("over the 3:00 limit") == true)
        #expect(try office.entries.isEmpty)
        #expect(office.staging().isEmpty, "a rejected upload is deleted")

        let accepted = try await post(try MultipartUpload(fixture: "clip-181s.mp4"), query: "county=qingfeng&acceptFailing=true",
                                      headers: Self.bearer(office.clerk), office: office)
        #expect(accepted.receipts.first?["status"] as? String == "stored")
        #expect(try office.entries.first?.verdict == .fail)
    }

    @Test func aDocumentIsStoredAsADocument() async throws {
        let office = try Office()
        let answer = try await post(try MultipartUpload(fixture: "summary.pdf", as: "总结.pdf"), query: "county=410923",
                                    headers: Self.bearer(office.clerk), office: office)
        let receipt = try #require(answer.receipts.first)
        #expect(receipt["status"] as? String == "stored")
        #expect(receipt["kind"] as? String == "document")
        #expect((receipt["object"] as? String)?.hasPrefix("nanle/objects/") == true)
        #expect((receipt["object"] as? String)?.hasSuffix(".pdf") == true)
        #expect(office.staging("nanle").isEmpty)
    }

    @Test func severalFilesInOneRequestEachGetAReceiptInOrderAndOneBadFileStopsNone() async throws {
        let office = try Office { $0.maxFileBytes = 200_000 }
        let upload = try MultipartUpload(fixtures: [("photo.jpg", nil), ("text.mp4", "笔记.mp4"), ("clip-181s.mp4", "太大.mp4"),
                                                    ("summary.pdf", nil), ("clip-179.9s.mp4", nil)])
        let answer = try await post(upload, headers: Self.bearer(office.clerk), office: office)
        #expect(answer.status == .ok)
        #expect(answer.receipts.map { $0["path"] as? String } == ["photo.jpg", "笔记.mp4", "太大.mp4", "summary.pdf", "clip-179.9s.mp4"])
        #expect(answer.receipts.map { $0["status"] as? String } == ["stored", "rejected", "rejected", "stored", "stored"])
        let tooLarge = answer.receipts[2]["reasons"] as? [String] ?? []
        #expect(tooLarge.first?.contains("larger than the 195.3 KiB limit") == true, "got \(tooLarge)")
        #expect(!"\(answer.receipts[1])".contains(office.settings.root.path), "no server path in any reason")
        #expect(try office.entries.count == 3)
        #expect(office.staging().isEmpty)
    }

    @Test func aRawUploadNamedByHeaderIsIngested() async throws {
        let office = try Office()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
        var headers = Self.bearer(office.clerk)
        headers[.contentType] = "application/octet-stream"
        headers[HTTPField.Name("X-File-Name")!] = "%E7%85%A7%E7%89%87.jpg"
        let answer = try await post(body: ByteBuffer(bytes: bytes), query: "county=fanxian", headers: headers, office: office)
        #expect(answer.receipts.first?["status"] as? String == "stored")
        #expect(answer.receipts.first?["path"] as? String == "照片.jpg")
        #expect(try office.entries.first?.originalNames == ["照片.jpg"])
    }

    @Test func anUnknownCountyIs400ListingTheKnownOnes() async throws {
        let office = try Office()
        let answer = try await post(try MultipartUpload(fixture: "photo.jpg"), query: "county=atlantis",
                                    headers: Self.bearer(office.clerk), office: office)
        #expect(answer.status == .badRequest)
        #expect(answer.message.contains("atlantis") && answer.message.contains("qingfeng (清丰县)"), "got \(answer.message)")
        let missing = try await post(try MultipartUpload(fixture: "photo.jpg"), query: "", headers: Self.bearer(office.clerk), office: office)
        #expect(missing.status == .badRequest)
    }

    /// The ingest page asks with `lang=zh`: the county's refusal comes in Chinese, with the Chinese names.
    @Test func anUnknownCountyIsExplainedInTheLanguageAskedFor() async throws {
        let office = try Office()
        let answer = try await post(try MultipartUpload(fixture: "photo.jpg"), query: "county=atlantis&lang=zh",
                                    headers: Self.bearer(office.clerk), office: office)
        #expect(answer.status == .badRequest)
        #expect(answer.message.contains("没有这个县区：“atlantis”") && answer.message.contains("清丰县（qingfeng"), "got \(answer.message)")
    }

    @Test func onlyClerksMayIngest() async throws {
        let office = try Office()
        let upload = try MultipartUpload(fixture: "photo.jpg")
        let stranger = try await post(upload, headers: [:], office: office)
        #expect(stranger.status == .unauthorized)
        let archivist = try await post(upload, headers: Self.bearer(office.archivist), office: office)
        #expect(archivist.status == .forbidden)
        #expect(archivist.message.contains("clerk"))
        #expect(try office.entries.isEmpty)
        #expect(office.staging().isEmpty)
        // A browser's login cookie works as well as the header.
        let cookie = try await post(upload, headers: [.cookie: "media_archive_token=\(office.clerk)", .origin: "http://localhost"], office: office)
        #expect(cookie.receipts.first?["status"] as? String == "stored")
    }

    @Test func aFileOverThePolicyLimitIs413AndLeavesNothing() async throws {
        let office = try Office { $0.maxFileBytes = 100_000 }
        let answer = try await post(try MultipartUpload(fixture: "clip-181s.mp4"), headers: Self.bearer(office.clerk), office: office)
        #expect(answer.status == .contentTooLarge)
        #expect(answer.message.contains("larger than the 97.7 KiB limit"), "got \(answer.message)")
        #expect(office.staging().isEmpty)
        #expect(try office.entries.isEmpty)
    }

    /// Every file arrived whole, but the body's closing delimiter did not: the sender went away
    /// between two files, and half a batch is not taken.
    @Test func aBatchCutOffBetweenFilesIsNotTaken() async throws {
        let office = try Office()
        let whole = try MultipartUpload(fixtures: [("photo.jpg", nil), ("summary.pdf", nil)])
        // Both files end with their boundary; the next part (or the final `--`) never came.
        var cut = whole.body.getSlice(at: 0, length: whole.body.readableBytes - "--\r\n".utf8.count)!
        cut.writeString("\r\n")
        var headers = whole.headers
        headers.append(contentsOf: Self.bearer(office.clerk))
        let answer = try await post(body: cut, query: "county=qingfeng", headers: headers, office: office)
        #expect(answer.status == .badRequest)
        #expect(answer.message.contains("stopped before the whole file arrived"), "got \(answer.message)")
        #expect(try office.entries.isEmpty)
        #expect(office.staging().isEmpty)
    }

    /// A clerk whose connection drops mid-upload: nothing of that upload stays (no staging file,
    /// no object, no entry), and another clerk's upload meanwhile is not held up by it.
    @Test func aSenderThatHangsUpLeavesNothingAndBlocksNoOne() async throws {
        let office = try Office()
        let hungUp = try MultipartUpload(fixture: "clip-181s.mp4")
        try await testApplication(settings: office.settings).test(.live) { client in
            let port = try #require(client.port)
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "localhost", port: port).get()
            var request = ByteBuffer(string: "POST /api/ingest?county=qingfeng HTTP/1.1\r\nHost: localhost\r\n"
                                     + "Authorization: Bearer \(office.clerk)\r\n"
                                     + "Content-Type: \(hungUp.headers[.contentType]!)\r\nContent-Length: \(hungUp.body.readableBytes)\r\n\r\n")
            request.writeImmutableBuffer(hungUp.body.getSlice(at: 0, length: hungUp.body.readableBytes / 2)!)
            try await channel.writeAndFlush(request).get()
            try await Self.waitUntil { !office.staging().isEmpty }

            let other = try MultipartUpload(fixture: "clip-179.9s.mp4")
            var headers = other.headers
            headers.append(contentsOf: Self.bearer(office.clerk))
            try await client.execute(uri: "/api/ingest?county=qingfeng", method: .post, headers: headers, body: other.body) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"stored\""))
            }
            #expect(office.staging().count == 1, "the first upload is still arriving")

            try await channel.close().get()
            try await Self.waitUntil { office.staging().isEmpty }
        }
        #expect(try office.entries.map(\.originalNames) == [["clip-179.9s.mp4"]])
        #expect(office.objects().count == 1)
    }

    static func waitUntil(_ condition: () -> Bool, seconds: Double = 10) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else {
                Issue.record("waited \(seconds) s in vain")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    @Test func thePageSendsStrangersToLoginAndTellsArchivistsItIsForClerks() async throws {
        let office = try Office()
        let stranger = try await get("/ingest", office: office)
        #expect(stranger.0 == .seeOther)
        #expect(stranger.1[.location] == "/login?next=/ingest", "after logging in the clerk comes back to /ingest")
        let archivist = try await get("/ingest", headers: [.cookie: "media_archive_token=\(office.archivist)"], office: office)
        #expect(archivist.0 == .forbidden)
        #expect(archivist.2.contains("登记员") && archivist.2.contains(#"href="/login?next=/ingest""#), "a clerk login brings them back here")
    }

    @Test func thePageOffersEveryCountyAndUploadsEachFileWithItsOwnProgress() async throws {
        let office = try Office()
        let (status, headers, page) = try await get("/ingest", headers: [.cookie: "media_archive_token=\(office.clerk)", .origin: "http://localhost"], office: office)
        #expect(status == .ok)
        #expect(headers[.contentType]?.hasPrefix("text/html") == true)
        #expect(page.contains(#"<select id="county" name="county" required>"#))
        #expect(page.contains(#"<option value="" selected disabled>请选择…</option>"#), "no county is chosen for the clerk")
        for county in office.settings.counties.counties {
            #expect(page.contains(#"<option value="\#(county.slug)">\#(county.name)</option>"#))
        }
        #expect(page.contains(#"<input id="files" type="file" multiple>"#))
        #expect(page.contains(#"<ul id="receipts">"#))
        #expect(page.contains(#"id="drop""#))
        for needed in ["已入库", "重复（已记录新文件名）", "被拒绝：", "上传失败", "收件员小王"] {
            #expect(page.contains(needed), "the page lacks \(needed)")
        }
        // The uploading itself is the page's own script, a file of its own.
        let script = try await get(try #require(PageScriptSettings(html: page).scriptPath), office: office).2
        for needed in ["UploadPage.queue", "/api/ingest"] {
            #expect(script.contains(needed), "the page's script lacks \(needed)")
        }
        // Each file its own XHR with its own progress: the upload list the portal shares.
        #expect(page.contains("/assets/upload.js?v="))
        let shared = try await get("/assets/upload.js", office: office).2
        for needed in ["XMLHttpRequest", "upload.onprogress", "IN_FLIGHT = 2"] {
            #expect(shared.contains(needed), "upload.js lacks \(needed)")
        }
        #expect(!page.contains("{{"), "every placeholder is filled in")
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"), "no external assets")
    }
}
