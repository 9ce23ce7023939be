import Hummingbird
import MediaArchive

/// Checks the login cookie's token once per request, before the route runs, so that the nav
/// bar shows what the token may do (the board's link for clerks and archivists) — never what a
/// cookie claims. The route's own access check then reuses this answer (`Access.requireToken`)
/// instead of checking the same secret again. A Bearer call, a request without the cookie, a
/// stylesheet or script, and a token that no longer verifies pass through untouched.
struct ViewerMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: Access

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.headers[.authorization] == nil, !request.uri.path.hasPrefix(StaticAssets.path + "/"),
              let secret = request.cookies[Access.cookieName]?.value, !secret.isEmpty,
              let token = try? await access.verify(secret) else {
            return try await next(request, context)
        }
        return try await Access.$cookieViewer.withValue(Access.Viewer(secret: secret, token: token)) {
            try await next(request, context)
        }
    }
}
