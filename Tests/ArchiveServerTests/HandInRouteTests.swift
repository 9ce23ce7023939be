import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import NIOCore
import Testing
import TestSupport

/// The county portal's API (issue 12), as the five kinds of caller meet it: nobody, county A
/// (qingfeng, who handed in the photo), county B (nanle), a clerk and an archivist.
struct HandInRouteTests {
    enum Caller: String, CaseIterable {
        case nobody, countyA, countyB, clerk, archivist
    }

    /// An archive with an open round (2027: forms due 2027-06-01, the rest 2027-06-30), qingfeng's
    /// photo and one key project of qingfeng, and a token of every role.
    struct Office {
        var settings: ArchiveSettings
        var secrets: [Caller: String] = [:]
        var photo: String
        var record: String

        init(openRound: Bool = true) throws {
            settings = try makeSettings()
            if openRound {
                settings.rounds = RoundRegistry(rounds: [Round(id: "2027", name: "2027 科技活动周",
                                                               eventWindow: DayRange(start: CalendarDay(2027, 5, 22), end: CalendarDay(2027, 5, 28)),
                                                               registrationDeadline: CalendarDay(2027, 6, 1), deadline: CalendarDay(2027, 6, 30))])
            }
            let tokens = AccessTokens(root: settings.root)
            secrets[.countyA] = try tokens.create(role: .county, name: "清丰县科技局", county: "qingfeng").secret
            secrets[.countyB] = try tokens.create(role: .county, county: "nanle").secret
            secrets[.clerk] = try tokens.create(role: .clerk).secret
            secrets[.archivist] = try tokens.create(role: .archivist).secret
            let qingfeng = try settings.counties.resolve("qingfeng")
            let receipts = try Ingester(settings: settings, county: qingfeng, part: .photo).ingest(paths: [Fixtures.media("photo.jpg")])
            photo = try #require(receipts.first?.sha256?.hex)
            let round = settings.rounds.current(today: settings.day())
            let entered = FormRecord(form: .keyProject, county: "qingfeng", round: round.id, entry: nil,
                                     fields: ["projectName": "科普大篷车"], enteredAt: AuditLog.stamp(Date(), in: settings.policy.zone))
            try FormStore(settings: settings).add([entered])
            record = entered.id
        }

        func headers(_ caller: Caller) -> HTTPFields {
            secrets[caller].map { [.authorization: "Bearer \($0)"] } ?? [:]
        }
    }

    struct Answer {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        var message: String { ((json as? [String: Any])?["error"] as? [String: Any])?["message"] as? String ?? "" }
    }

    static func send(_ office: Office, _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:],
                     body: ByteBuffer? = nil) async throws -> Answer {
        try await testApplication(settings: office.settings).test(.router) { client in
            try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
            }
        }
    }

    static func json(_ object: Any) throws -> (HTTPFields, ByteBuffer) {
        ([.contentType: "application/json"], ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object)))
    }

    /// One route with what each caller gets, in the order the rows run (changes last).
    struct Row {
        var method: HTTPRequest.Method
        var uri: (Office) -> String
        var body: (Office) throws -> (HTTPFields, ByteBuffer)? = { _ in nil }
        var expected: [Caller: HTTPResponse.Status]
    }

    static func statuses(_ nobody: HTTPResponse.Status, _ a: HTTPResponse.Status, _ b: HTTPResponse.Status,
                         _ clerk: HTTPResponse.Status, _ archivist: HTTPResponse.Status) -> [Caller: HTTPResponse.Status] {
        [.nobody: nobody, .countyA: a, .countyB: b, .clerk: clerk, .archivist: archivist]
    }

    static var photoUpload: (Office) throws -> (HTTPFields, ByteBuffer)? { { _ in
        let upload = try MultipartUpload(fixture: "still-66x50.png")
        return (upload.headers, upload.body)
    } }
    static var keyProject: (Office) throws -> (HTTPFields, ByteBuffer)? {
        { _ in try json(["form": "key-project", "fields": ["projectName": "青少年科技节"]]) }
    }

    /// What a browser's form sends.
    static var keyProjectForm: (Office) throws -> (HTTPFields, ByteBuffer)? {
        { _ in ([.contentType: "application/x-www-form-urlencoded"], ByteBuffer(string: "projectName=%E7%A7%91%E6%8A%80%E8%8A%82")) }
    }
    static var emptyForm: (Office) throws -> (HTTPFields, ByteBuffer)? {
        { _ in ([.contentType: "application/x-www-form-urlencoded"], ByteBuffer()) }
    }

    static var rows: [Row] { [
        Row(method: .get, uri: { _ in "/api/search" }, expected: statuses(.unauthorized, .ok, .ok, .ok, .ok)),
        Row(method: .get, uri: { _ in "/api/search?county=qingfeng" }, expected: statuses(.unauthorized, .ok, .forbidden, .ok, .ok)),
        Row(method: .get, uri: { _ in "/search?county=qingfeng" }, expected: statuses(.seeOther, .ok, .forbidden, .ok, .ok)),
        Row(method: .get, uri: { _ in "/" }, expected: statuses(.seeOther, .ok, .ok, .ok, .ok)),
        Row(method: .get, uri: { "/items/\($0.photo)" }, expected: statuses(.seeOther, .ok, .notFound, .ok, .ok)),
        Row(method: .get, uri: { "/media/\($0.photo)" }, expected: statuses(.unauthorized, .ok, .notFound, .ok, .ok)),
        Row(method: .get, uri: { "/thumbs/\($0.photo)" }, expected: statuses(.unauthorized, .ok, .notFound, .ok, .ok)),
        Row(method: .get, uri: { _ in "/api/status" }, expected: statuses(.unauthorized, .ok, .ok, .ok, .ok)),
        Row(method: .get, uri: { _ in "/api/status?county=qingfeng" }, expected: statuses(.unauthorized, .ok, .forbidden, .ok, .ok)),
        Row(method: .get, uri: { _ in "/api/forms" }, expected: statuses(.unauthorized, .ok, .ok, .ok, .ok)),
        Row(method: .get, uri: { _ in "/api/forms?county=qingfeng" }, expected: statuses(.unauthorized, .ok, .forbidden, .ok, .ok)),
        Row(method: .get, uri: { _ in "/api/marks" }, expected: statuses(.unauthorized, .ok, .ok, .ok, .ok)),
        Row(method: .get, uri: { _ in "/portal" }, expected: statuses(.seeOther, .ok, .ok, .forbidden, .forbidden)),
        Row(method: .get, uri: { _ in "/portal/forms" }, expected: statuses(.seeOther, .ok, .ok, .forbidden, .forbidden)),
        Row(method: .get, uri: { _ in "/portal/receipt" }, expected: statuses(.seeOther, .ok, .ok, .forbidden, .forbidden)),
        Row(method: .get, uri: { _ in "/ingest" }, expected: statuses(.seeOther, .forbidden, .forbidden, .ok, .forbidden)),
        Row(method: .get, uri: { _ in "/board" }, expected: statuses(.seeOther, .forbidden, .forbidden, .ok, .ok)),
        Row(method: .get, uri: { _ in "/board/forms.xlsx" }, expected: statuses(.seeOther, .forbidden, .forbidden, .ok, .ok)),
        Row(method: .get, uri: { _ in "/board/handover.zip?county=qingfeng" }, expected: statuses(.seeOther, .forbidden, .forbidden, .ok, .ok)),
        Row(method: .post, uri: { _ in "/api/ingest?county=qingfeng" }, body: photoUpload,
            expected: statuses(.unauthorized, .forbidden, .forbidden, .ok, .forbidden)),
        Row(method: .post, uri: { _ in "/api/handin?part=photo&county=qingfeng" }, body: photoUpload,
            expected: statuses(.unauthorized, .ok, .forbidden, .ok, .forbidden)),
        // The portal's plain form posts: a county's own (B hands in for B; A's record is unknown to B).
        Row(method: .post, uri: { _ in "/portal/handin?part=photo" }, body: photoUpload,
            expected: statuses(.seeOther, .ok, .ok, .forbidden, .forbidden)),
        Row(method: .post, uri: { _ in "/portal/forms?form=key-project" }, body: keyProjectForm,
            expected: statuses(.seeOther, .seeOther, .seeOther, .forbidden, .forbidden)),
        Row(method: .post, uri: { "/portal/forms/\($0.record)?form=key-project" }, body: keyProjectForm,
            expected: statuses(.seeOther, .seeOther, .notFound, .forbidden, .forbidden)),
        Row(method: .post, uri: { "/api/items/\($0.photo)/withdraw" }, body: emptyForm,
            expected: statuses(.unauthorized, .seeOther, .notFound, .badRequest, .forbidden)),
        Row(method: .post, uri: { _ in "/api/forms?county=qingfeng" }, body: keyProject,
            expected: statuses(.unauthorized, .created, .forbidden, .created, .forbidden)),
        Row(method: .put, uri: { "/api/forms/\($0.record)?county=qingfeng" }, body: keyProject,
            expected: statuses(.unauthorized, .ok, .forbidden, .ok, .forbidden)),
        Row(method: .post, uri: { "/api/items/\($0.photo)/withdraw?county=qingfeng" },
            expected: statuses(.unauthorized, .ok, .forbidden, .ok, .forbidden)),
        Row(method: .post, uri: { "/api/items/\($0.photo)/return?county=qingfeng" }, body: { _ in try json(["note": "请换一张清晰的照片"]) },
            expected: statuses(.unauthorized, .forbidden, .forbidden, .ok, .forbidden)),
        Row(method: .post, uri: { _ in "/api/forms/reopen?county=qingfeng" },
            expected: statuses(.unauthorized, .forbidden, .forbidden, .ok, .forbidden)),
        Row(method: .delete, uri: { "/api/forms/\($0.record)?county=qingfeng" },
            expected: statuses(.unauthorized, .noContent, .forbidden, .noContent, .forbidden)),
    ] }

    @Test(arguments: Caller.allCases)
    func everyRouteAnswersEachCallerAsItsRoleAllows(_ caller: Caller) async throws {
        let office = try Office()
        for row in Self.rows {
            var headers = office.headers(caller)
            let body = try row.body(office)
            if let body { headers.append(contentsOf: body.0) }
            let uri = row.uri(office)
            let answer = try await Self.send(office, row.method, uri, headers: headers, body: body?.1)
            #expect(answer.status == row.expected[caller], "\(caller) \(row.method) \(uri): \(answer.status) \(answer.text.prefix(300))")
        }
    }

    @Test func countyBSeesNothingOfCountyA() async throws {
        let office = try Office()
        let b = office.headers(.countyB)
        let search = try await Self.send(office, .get, "/api/search", headers: b)
        #expect((search.json as? [Any])?.isEmpty == true, "got \(search.text)")
        let status = try await Self.send(office, .get, "/api/status", headers: b)
        let counties = (status.json as? [String: Any])?["counties"] as? [[String: Any]] ?? []
        #expect(counties.map { $0["county"] as? String } == ["nanle"])
        let forms = try await Self.send(office, .get, "/api/forms", headers: b)
        #expect((forms.json as? [Any])?.isEmpty == true, "got \(forms.text)")
        let gallery = try await Self.send(office, .get, "/", headers: b)
        #expect(gallery.text.contains("南乐县") && !gallery.text.contains("清丰县"))
        // A's own view has its photo and its record.
        let own = try await Self.send(office, .get, "/api/search", headers: office.headers(.countyA))
        #expect((own.json as? [[String: Any]])?.map { $0["sha256"] as? String } == [office.photo])
    }

    @Test func aWithdrawnPhotoNoLongerCountsButStaysStoredAndAudited() async throws {
        let office = try Office()
        func photos() async throws -> Int? {
            let status = try await Self.send(office, .get, "/api/status", headers: office.headers(.countyA))
            let county = ((status.json as? [String: Any])?["counties"] as? [[String: Any]])?.first
            return ((county?["parts"] as? [String: Any])?["photo"] as? [String: Any])?["have"] as? Int
        }
        #expect(try await photos() == 1)
        let withdrawn = try await Self.send(office, .post, "/api/items/\(office.photo)/withdraw", headers: office.headers(.countyA))
        #expect(withdrawn.status == .ok, "\(withdrawn.text)")
        #expect(try await photos() == 0)
        // Nothing deleted: the entry and the file are still served.
        let media = try await Self.send(office, .get, "/media/\(office.photo)", headers: office.headers(.countyA))
        #expect(media.status == .ok)
        let marks = try MarkLog(settings: office.settings).marks(county: try office.settings.counties.resolve("qingfeng"))
        #expect(marks.marks.map(\.mark) == [.withdrawn])
        #expect(marks.marks.first?.by.name == "清丰县科技局")
        let audit = try AuditLog(settings: office.settings).events(county: "qingfeng").events
        #expect(audit.contains { $0.action == .itemWithdrawn && $0.sha256 == office.photo })
    }

    @Test func aReturnedPhotoCarriesTheClerksNote() async throws {
        let office = try Office()
        let (headers, body) = try Self.json(["note": "照片太暗，请换一张"])
        var clerk = office.headers(.clerk)
        clerk.append(contentsOf: headers)
        let returned = try await Self.send(office, .post, "/api/items/\(office.photo)/return?county=清丰县", headers: clerk, body: body)
        #expect(returned.status == .ok, "\(returned.text)")
        let marks = try await Self.send(office, .get, "/api/marks", headers: office.headers(.countyA))
        let list = marks.json as? [[String: Any]] ?? []
        #expect(list.count == 1)
        let mark = (list.first?["marks"] as? [[String: Any]])?.first
        #expect(mark?["mark"] as? String == "returned")
        #expect(mark?["note"] as? String == "照片太暗，请换一张")
        // A return without a note says what is missing.
        let empty = try await Self.send(office, .post, "/api/items/\(office.photo)/return?county=qingfeng", headers: office.headers(.clerk))
        #expect(empty.status == .badRequest)
        #expect(empty.message.contains("say what to correct"))
    }

    @Test func thePortalShowsTheChecklistAndTheClerksNote() async throws {
        let office = try Office()
        let (headers, body) = try Self.json(["note": "照片太暗，请换一张"])
        var clerk = office.headers(.clerk)
        clerk.append(contentsOf: headers)
        _ = try await Self.send(office, .post, "/api/items/\(office.photo)/return?county=qingfeng", headers: clerk, body: body)
        let page = try await Self.send(office, .get, "/portal", headers: office.headers(.countyA))
        #expect(page.status == .ok)
        #expect(page.text.contains("清丰县 · 2027 科技活动周"))
        #expect(page.text.contains("退回修改") && page.text.contains("照片太暗，请换一张"))
        #expect(page.text.contains("尚缺："))
        let english = try await Self.send(office, .get, "/portal?lang=en", headers: office.headers(.countyA))
        #expect(english.text.contains("returned for correction") && english.text.contains("Still owed:"))
        // County B's portal shows nothing of A's.
        let other = try await Self.send(office, .get, "/portal", headers: office.headers(.countyB))
        #expect(other.text.contains("南乐县") && !other.text.contains("照片太暗"))
    }

    @Test func aClipOneSecondOverIsRefusedWithTheReasonAndOneUnderIsStored() async throws {
        let office = try Office()
        let upload = try MultipartUpload(fixtures: [("clip-181s.mp4", "开幕式.mp4"), ("clip-179.9s.mp4", "闭幕式.mp4")])
        var headers = office.headers(.countyA)
        headers.append(contentsOf: upload.headers)
        let answer = try await Self.send(office, .post, "/api/handin?part=video", headers: headers, body: upload.body)
        let receipts = answer.json as? [[String: Any]] ?? []
        #expect(receipts.map { $0["status"] as? String } == ["rejected", "stored"], "\(answer.text)")
        let reasons = receipts.first?["reasons"] as? [String] ?? []
        #expect(reasons == ["3:01.00 — 1 s over the 3:00 limit; trim it and upload again"], "got \(reasons)")
        #expect(receipts.allSatisfy { $0["county"] as? String == "qingfeng" && $0["part"] as? String == "video" })
    }

    @Test func aMediaReportLinkIsStoredFromJSON() async throws {
        let office = try Office()
        let (json, body) = try Self.json(["url": "https://www.pyxww.com/2027/0525/kjz.html", "title": "清丰县科技活动周开幕",
                                          "outlet": "濮阳新闻网", "published": "2027-05-25"])
        var headers = office.headers(.countyA)
        headers.append(contentsOf: json)
        let answer = try await Self.send(office, .post, "/api/handin?part=media-report", headers: headers, body: body)
        let receipt = (answer.json as? [[String: Any]])?.first
        #expect(receipt?["status"] as? String == "stored", "\(answer.text)")
        #expect(receipt?["kind"] as? String == "link")
        let bad = try Self.json(["url": "ftp://example.org/x", "title": "x"])
        var badHeaders = office.headers(.countyA)
        badHeaders.append(contentsOf: bad.0)
        let refused = try await Self.send(office, .post, "/api/handin?part=media-report", headers: badHeaders, body: bad.1)
        #expect(refused.status == .badRequest)
        #expect(refused.message.contains("https://"))
    }

    @Test func afterTheRegistrationDeadlineFormsAreLockedUntilAClerkReopensThem() async throws {
        let office = try Office(openRound: false)  // the policy's 2021 week: long past
        var county = office.headers(.countyA)
        let (json, body) = try Self.json(["form": "key-project", "fields": ["projectName": "科普讲座"]])
        county.append(contentsOf: json)
        let locked = try await Self.send(office, .post, "/api/forms", headers: county, body: body)
        #expect(locked.status == .conflict)
        #expect(locked.message.contains("closed on 2021-06-04"), "got \(locked.message)")
        // A late hand-in of a file is stored and marked late, never refused.
        let upload = try MultipartUpload(fixture: "still-66x50.png")
        var files = office.headers(.countyA)
        files.append(contentsOf: upload.headers)
        let late = try await Self.send(office, .post, "/api/handin?part=photo", headers: files, body: upload.body)
        let receipt = (late.json as? [[String: Any]])?.first
        #expect(receipt?["status"] as? String == "stored")
        #expect((receipt?["warnings"] as? [String] ?? []).contains { $0.contains("after the deadline 2021-06-04") })

        let reopened = try await Self.send(office, .post, "/api/forms/reopen?county=qingfeng", headers: office.headers(.clerk))
        #expect(reopened.status == .ok)
        let added = try await Self.send(office, .post, "/api/forms", headers: county, body: body)
        #expect(added.status == .created, "\(added.text)")
        #expect(try AuditLog(settings: office.settings).events(county: "qingfeng").events.map(\.action).contains(.formAdded))
    }

    @Test func aCookieChangeFromAnotherSiteIsRefusedAndBearerCallsPass() async throws {
        let office = try Office()
        let cookie = "media_archive_token=\(office.secrets[.countyA]!)"
        for (origin, expected) in [("https://evil.example", HTTPResponse.Status.forbidden), (nil, .forbidden), ("http://localhost", .created)] {
            var headers: HTTPFields = [.cookie: cookie]
            if let origin { headers[.origin] = origin }
            let (json, body) = try Self.json(["form": "key-project", "fields": ["projectName": "x"]])
            headers.append(contentsOf: json)
            let answer = try await Self.send(office, .post, "/api/forms", headers: headers, body: body)
            #expect(answer.status == expected, "Origin \(origin ?? "none"): \(answer.text)")
            if expected == .forbidden { #expect(answer.message.contains("another site")) }
        }
        // A Referer from this server does as well as an Origin.
        var referred: HTTPFields = [.cookie: cookie, .referer: "http://localhost/portal"]
        let (json, body) = try Self.json(["form": "key-project", "fields": ["projectName": "y"]])
        referred.append(contentsOf: json)
        #expect(try await Self.send(office, .post, "/api/forms", headers: referred, body: body).status == .created)
        var bearer = office.headers(.countyA)
        bearer.append(contentsOf: json)
        #expect(try await Self.send(office, .post, "/api/forms", headers: bearer, body: body).status == .created)
    }

    @Test func repeatedWrongTokensFromOneAddressAreSlowedDown() async throws {
        let office = try Office()
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await testApplication(settings: office.settings).test(.router) { client in
            for _ in 1...5 {
                try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=wrong")) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            // Now even the right token waits: a guesser cannot tell a hit from a miss.
            try await client.execute(uri: "/login", method: .post, headers: form,
                                     body: ByteBuffer(string: "token=\(office.secrets[.clerk]!)")) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.setCookie] == nil)
                let wait = Int(response.headers[.retryAfter] ?? "") ?? 0
                #expect((1...30).contains(wait))
                #expect(String(buffer: response.body).contains("秒后再试"))  // the login page speaks Chinese unless asked
            }
        }
        // Another server (a fresh count) lets the right token in at once.
        let fresh = try await Self.send(office, .post, "/login", headers: form, body: ByteBuffer(string: "token=\(office.secrets[.clerk]!)"))
        #expect(fresh.status == .seeOther)
    }

    @Test func countyTokensAreBoundAndOldTokenFilesStillRead() throws {
        let settings = try makeSettings()
        let tokens = AccessTokens(root: settings.root)
        #expect(throws: AccessTokenError.countyBinding(role: .county)) { try tokens.create(role: .county) }
        #expect(throws: AccessTokenError.countyBinding(role: .clerk)) { try tokens.create(role: .clerk, county: "nanle") }
        // tokens.json as the code before county tokens wrote it: no county key anywhere.
        let old = #"{"tokens":[{"createdAt":"2026-11-29T23:00:17Z","id":"3fa9c2e1","name":"clerk-3fa9c2e1","role":"clerk","sha256":"\#(String(repeating: "ab", count: 32))"}]}"#
        try Data(old.utf8).write(to: tokens.file)
        let county = try tokens.create(role: .county, county: "nanle")
        let all = try tokens.all()
        #expect(all.map(\.role) == [.clerk, .county])
        #expect(all.map(\.county) == [nil, "nanle"])
        #expect(try tokens.verify(secret: county.secret)?.county == "nanle")
        let text = try String(contentsOf: tokens.file, encoding: .utf8)
        #expect(text.components(separatedBy: "\"county\" :").count == 2, "only the county token names a county")
    }
}
