import Foundation
import Hummingbird
import MediaArchive

/// Logging in and out in a browser (`GET/POST /login`, `POST /logout`) and
/// `GET /api/whoami`, which tells an API client whose token it holds.
struct AccessController<Context: RequestContext>: Sendable {
    let access: Access
    let pages: PageRenderer
    var throttle = LoginThrottle()

    func addRoutes(to router: Router<Context>) {
        router.get("/login", use: loginPage)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.get("/api/whoami", use: whoami)
    }

    @Sendable func loginPage(_ request: Request, context: Context) async throws -> Response {
        let returnTo = request.uri.queryParameters.get(ReturnPath.parameter).map { String($0) }
        return try pages.response(LoginPage(error: nil, returnTo: returnTo, language: PageLanguage.of(request)), request: request)
    }

    /// A valid token's secret goes into an HttpOnly, SameSite=Strict cookie: scripts on the
    /// page cannot read it and other sites cannot make the browser send it.
    @Sendable func login(_ request: Request, context: Context) async throws -> Response {
        let address = (context as? ArchiveRequestContext)?.peer ?? "unknown"
        if let seconds = await throttle.wait(for: address) {
            let language = PageLanguage.of(request)
            let page = LoginPage(error: Message.loginSlowedDown(seconds: seconds).text(in: language), returnTo: nil, language: language)
            var response = try pages.response(page, status: .tooManyRequests, request: request)
            response.headers[.retryAfter] = "\(seconds)"
            return response
        }
        let body = try await request.body.collect(upTo: 16 * 1024)
        let form = (try? URLEncodedFormDecoder().decode(LoginForm.self, from: String(buffer: body))) ?? LoginForm(token: nil, next: nil)
        let secret = (form.token ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty, Self.isCookieSafe(secret), try await access.verify(secret) != nil else {
            await throttle.failed(address)
            let language = PageLanguage.of(request)
            let page = LoginPage(error: LoginPage.Text.of(language).invalidToken, returnTo: form.next, language: language)
            return try pages.response(page, status: .unauthorized, request: request)
        }
        await throttle.succeeded(address)
        var response = Response(status: .seeOther, headers: [.location: ReturnPath.safe(form.next) ?? "/", .cacheControl: "no-store"])
        response.setCookie(Cookie(name: Access.cookieName, value: secret, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func logout(_ request: Request, context: Context) async throws -> Response {
        var response = Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
        response.setCookie(Cookie(name: Access.cookieName, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                                  path: "/", httpOnly: true, sameSite: .strict))
        // An older version's nav-bar hint goes too.
        response.setCookie(Cookie(name: Access.oldRoleCookieName, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
                                  path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func whoami(_ request: Request, context: Context) async throws -> Response {
        let token = try await access.requireToken(request)
        return try JSONResponse.encode(WhoAmI(id: token.id, role: token.role.rawValue, name: token.name))
    }

    /// Secrets are hex; anything else could not be stored in a cookie and is no token anyway.
    static func isCookieSafe(_ secret: String) -> Bool {
        secret.count <= 256 && secret.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)) }
    }

    struct LoginForm: Decodable {
        var token: String?
        /// The page to go back to (a hidden field the login page copies from `?next=`).
        var next: String?
    }

    struct WhoAmI: Encodable {
        var id: String
        var role: String
        var name: String
    }
}
