import Foundation
import Hummingbird
import MediaArchive

/// Logging in and out in a browser (`GET/POST /login`, `POST /logout`) and
/// `GET /api/whoami`, which tells an API client whose token it holds.
struct AccessController<Context: RequestContext>: Sendable {
    let access: Access

    func addRoutes(to router: Router<Context>) {
        router.get("/login", use: loginPage)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
        router.get("/api/whoami", use: whoami)
    }

    @Sendable func loginPage(_ request: Request, context: Context) async throws -> Response {
        LoginPage.response(status: .ok, error: nil, returnTo: request.uri.queryParameters.get(ReturnPath.parameter).map { String($0) },
                           request: request)
    }

    /// A valid token's secret goes into an HttpOnly, SameSite=Strict cookie: scripts on the
    /// page cannot read it and other sites cannot make the browser send it.
    @Sendable func login(_ request: Request, context: Context) async throws -> Response {
        let body = try await request.body.collect(upTo: 16 * 1024)
        let form = (try? URLEncodedFormDecoder().decode(LoginForm.self, from: String(buffer: body))) ?? LoginForm(token: nil, next: nil)
        let secret = (form.token ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty, Self.isCookieSafe(secret), try await access.verify(secret) != nil else {
            return LoginPage.response(status: .unauthorized, error: LoginPage.Text.of(PageLanguage.of(request)).invalidToken,
                                      returnTo: form.next, request: request)
        }
        var response = Response(status: .seeOther, headers: [.location: ReturnPath.safe(form.next) ?? "/", .cacheControl: "no-store"])
        response.setCookie(Cookie(name: Access.cookieName, value: secret, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func logout(_ request: Request, context: Context) async throws -> Response {
        var response = Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
        response.setCookie(Cookie(name: Access.cookieName, value: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0,
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

/// The login form, in the reader's language, self-contained like the check page.
enum LoginPage {
    /// `returnTo`: the page to go back to after logging in, kept in a hidden field (only a
    /// local path survives ReturnPath.safe).
    static func response(status: HTTPResponse.Status, error: String?, returnTo: String?, request: Request) -> Response {
        let language = PageLanguage.of(request)
        let text = Text.of(language)
        let shell = PageShell.Text.of(language)
        let message = error.map { #"<p class="error" role="alert">\#(PageShell.escape($0))</p>"# } ?? ""
        let returnField = ReturnPath.safe(returnTo)
            .map { #"<input type="hidden" name="next" value="\#(PageShell.escape($0))">"# } ?? ""
        let html = PageShell.document(title: PageShell.title(shell.login, in: language), style: style, body: """
        <main>
          <h1>\(shell.login)</h1>
          <p>\(text.prompt)</p>
          \(message)
          <form method="post" action="/login">
            \(returnField)
            <label for="token">\(text.token)</label>
            <input id="token" name="token" type="password" autocomplete="off" required autofocus>
            <button type="submit">\(shell.login)</button>
          </form>
        </main>
        """, current: .login, language: language)
        return PageShell.response(html, status: status, request: request)
    }

    struct Text: Bilingual {
        var prompt, token, invalidToken: String

        static let zh = Text(
            prompt: #"请输入档案管理员发给您的访问令牌。只想自查视频？<a href="/check">视频自查</a>无需登录。"#, token: "访问令牌",
            invalidToken: "令牌无效或已被撤销，请检查后重试，或向档案管理员申请新令牌。")
        static let en = Text(
            prompt: #"Enter the access token the archive's keeper gave you. Only checking a video? The <a href="/check">self-check</a> needs no login."#,
            token: "Access token",
            invalidToken: "The token is not valid or has been revoked. Check it and try again, or ask the archive's keeper for a new one.")
    }

    private static let style = #"""
      main { max-width: 420px; margin: 64px auto; padding: 24px; background: #fff; border-radius: 12px; }
      h1 { font-size: 1.4rem; margin: 0 0 8px; }
      p { color: #555d6b; }
      label { display: block; margin: 16px 0 6px; font-weight: 600; }
      input { width: 100%; box-sizing: border-box; padding: 10px; font: inherit; font-family: ui-monospace, monospace;
              border: 1px solid #9aa4b5; border-radius: 8px; }
      button { margin-top: 16px; padding: 10px 20px; font: inherit; border: 0; border-radius: 8px;
               background: #2f6fde; color: #fff; cursor: pointer; }
      .error { color: #b42323; background: #fdecec; padding: 10px; border-radius: 8px; }
      a { color: #2f6fde; }
    """#
}
