import Foundation
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport
@testable import ArchiveServer

/// Every access case: Bearer tokens, roles, revocation, publicBrowse, and the login cookie.
struct AccessControllerTests {
    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }

    func status(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:],
                settings: ArchiveSettings) async throws -> HTTPResponse.Status {
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: uri, method: method, headers: headers) { $0.status }
        }
    }

    @Test func searchNeedsAValidTokenOfEitherRole() async throws {
        let settings = try makeSettings()
        let tokens = AccessTokens(root: settings.root)
        let archivist = try tokens.create(role: .archivist)
        let clerk = try tokens.create(role: .clerk)
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/api/search", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                #expect(String(buffer: response.body).contains("Bearer"), "the message says what to send")
            }
            try await client.execute(uri: "/api/search", method: .get, headers: Self.bearer((archivist.secret.first == "0" ? "1" : "0") + archivist.secret.dropFirst())) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
            try await client.execute(uri: "/api/search", method: .get, headers: [.authorization: "Basic YTpi"]) { response in
                #expect(response.status == .unauthorized)
            }
            for secret in [archivist.secret, clerk.secret] {
                try await client.execute(uri: "/api/search", method: .get, headers: Self.bearer(secret)) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).hasPrefix("["))
                }
            }
        }
    }

    @Test func aRevokedTokenStopsWorkingAtOnce() async throws {
        let settings = try makeSettings()
        let tokens = AccessTokens(root: settings.root)
        let issued = try tokens.create(role: .archivist, name: "leaving")
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/api/search", method: .get, headers: Self.bearer(issued.secret)) { response in
                #expect(response.status == .ok)
            }
            try tokens.revoke("leaving")
            try await client.execute(uri: "/api/search", method: .get, headers: Self.bearer(issued.secret)) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func publicBrowseOpensSearchButNotWhoami() async throws {
        let settings = try makeSettings { $0.publicBrowse = true }
        #expect(try await status("/api/search", settings: settings) == .ok)
        #expect(try await status("/api/whoami", settings: settings) == .unauthorized)
    }

    @Test func publicBrowseIsReadFromPolicyJSON() throws {
        let root = try Fixtures.temporaryFolder()
        try Data(#"{"publicBrowse": true}"#.utf8).write(to: root.appendingPathComponent("policy.json"))
        #expect(try ArchiveSettings.load(root: root).policy.publicBrowse)
        #expect(try ArchiveSettings.load(root: try Fixtures.temporaryFolder()).policy.publicBrowse == false)
    }

    @Test func whoamiNamesTheTokenAndNeedsOne() async throws {
        let settings = try makeSettings()
        let clerk = try AccessTokens(root: settings.root).create(role: .clerk, name: "南乐县")
        #expect(try await status("/api/whoami", settings: settings) == .unauthorized)
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/api/whoami", method: .get, headers: Self.bearer(clerk.secret)) { response in
                #expect(response.status == .ok)
                let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: String]
                #expect(object == ["id": clerk.token.id, "role": "clerk", "name": "南乐县"])
            }
        }
    }

    /// `requireRole` as the coming ingest API will use it: 401 without, 403 with the wrong role.
    @Test func aClerkOnlyRouteRefusesArchivistsWith403() async throws {
        let settings = try makeSettings { $0.publicBrowse = true }
        let tokens = AccessTokens(root: settings.root)
        let clerk = try tokens.create(role: .clerk)
        let archivist = try tokens.create(role: .archivist)
        let access = Access(settings: settings)
        let router = Router()
        router.post("/clerks-only") { request, _ -> String in
            try await access.requireRole(.clerk, request).name
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/clerks-only", method: .post) { response in
                #expect(response.status == .unauthorized, "publicBrowse never opens clerk routes")
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
            try await client.execute(uri: "/clerks-only", method: .post, headers: Self.bearer(archivist.secret)) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.wwwAuthenticate] == nil)
                #expect(String(buffer: response.body).contains("clerk"))
            }
            try await client.execute(uri: "/clerks-only", method: .post, headers: Self.bearer(clerk.secret)) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == clerk.token.name)
            }
        }
    }

    /// The upload half of this lives in CheckControllerTests, whose uploads run one at a time.
    @Test func theSelfCheckPageNeedsNoToken() async throws {
        let settings = try makeSettings()
        _ = try AccessTokens(root: settings.root).create(role: .clerk)
        #expect(try await status("/check", settings: settings) == .ok)
    }

    @Test func afterLoggingInTheBrowserGoesBackToThePageThatAskedButNeverToAnotherSite() async throws {
        let settings = try makeSettings()
        let issued = try AccessTokens(root: settings.root).create(role: .clerk)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/login?next=/ingest", method: .get) { response in
                #expect(String(buffer: response.body).contains(#"<input type="hidden" name="next" value="/ingest">"#))
            }
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=wrong&next=%2Fingest")) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains(#"name="next" value="/ingest""#), "a mistyped token keeps the way back")
            }
            for (next, expected) in [("%2Fsearch%3Fcounty%3Dnanle", "/search?county=nanle"), ("%2F%2Fevil.example", "/"),
                                     ("https%3A%2F%2Fevil.example", "/"), ("%2F%5Cevil.example", "/"), ("%2Flogin", "/")] {
                try await client.execute(uri: "/login", method: .post, headers: form,
                                         body: ByteBuffer(string: "token=\(issued.secret)&next=\(next)")) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == expected, "next=\(next)")
                }
            }
        }
    }

    @Test func loginSetsAStrictHttpOnlyCookieThatThenWorks() async throws {
        let settings = try makeSettings()
        let issued = try AccessTokens(root: settings.root).create(role: .archivist)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await testApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("访问令牌") && page.contains(#"name="token""#))
                #expect(!page.contains("{{"))
            }
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "token=wrong")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("令牌无效"))
            }
            let cookie = try await client.execute(uri: "/login", method: .post, headers: form,
                                                  body: ByteBuffer(string: "token=\(issued.secret)")) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("\(Access.cookieName)=\(issued.secret)"))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(cookie.contains("Path=/"))
                return "\(Access.cookieName)=\(issued.secret)"
            }
            try await client.execute(uri: "/api/search", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/search", method: .get, headers: [.cookie: "\(Access.cookieName)=\(String(repeating: "0", count: 64))"]) { response in
                #expect(response.status == .unauthorized)
            }
            // A browser sends its page's Origin with a POST; the cross-site guard wants it.
            try await client.execute(uri: "/logout", method: .post, headers: [.cookie: cookie, .origin: "http://localhost"]) { response in
                #expect(response.status == .seeOther)
                let cleared = response.headers[.setCookie] ?? ""
                #expect(cleared.hasPrefix("\(Access.cookieName)=;"))
                #expect(cleared.contains("Max-Age=0"))
            }
        }
    }

    /// Refusals speak the API's language: English (what scripts match) unless `?lang=zh` or the
    /// `lang` cookie asks for Chinese.
    @Test func refusalsAreEnglishUnlessAskedForChinese() async throws {
        let settings = try makeSettings()
        let archivist = try AccessTokens(root: settings.root).create(role: .archivist, name: "阅览室")
        let wrong = (archivist.secret.first == "0" ? "1" : "0") + archivist.secret.dropFirst()
        let cases: [(path: String, method: HTTPRequest.Method, headers: HTTPFields, status: HTTPResponse.Status, english: String, chinese: String)] = [
            ("/api/search", .get, [:], .unauthorized,
             "this needs an access token: send Authorization: Bearer <token>, or log in at /login",
             "需要访问令牌：请发送 Authorization: Bearer <令牌>，或在 /login 登录"),
            ("/api/search", .get, Self.bearer(wrong), .unauthorized,
             "the access token is not valid (revoked, or mistyped); ask the archive's keeper for a new one",
             "访问令牌无效（已被撤销或输错）；请向档案管理员申请新令牌"),
            ("/api/search", .get, [.authorization: "Basic YTpi"], .unauthorized,
             "send the token as Authorization: Bearer <token>", "请以 Authorization: Bearer <令牌> 的形式发送令牌"),
            ("/api/ingest?county=qingfeng", .post, Self.bearer(archivist.secret), .forbidden,
             #"this needs a clerk token; the token "阅览室" is a archivist token"#, "需要登记员（clerk）令牌；令牌“阅览室”是档案员（archivist）令牌"),
        ]
        try await testApplication(settings: settings).test(.router) { client in
            for (path, method, headers, status, english, chinese) in cases {
                let asked = path + (path.contains("?") ? "&" : "?") + "lang=zh"
                let askings: [(uri: String, extra: HTTPFields, expected: String)] = [
                    (path, [:], english), (asked, [:], chinese), (path, [.cookie: "lang=zh"], chinese),
                ]
                for (uri, extra, expected) in askings {
                    try await client.execute(uri: uri, method: method, headers: headers + extra) { response in
                        #expect(response.status == status, "\(uri)")
                        #expect(status == .forbidden || response.headers[.wwwAuthenticate] != nil, "\(uri)")
                        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                        #expect((object?["error"] as? [String: Any])?["message"] as? String == expected, "\(uri) \(extra)")
                    }
                }
            }
        }
    }
}
