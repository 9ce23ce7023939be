import Foundation
import Hummingbird
import MediaArchive

/// Refuses a change (POST, PUT, PATCH, DELETE) that a browser sends with the login cookie from a
/// page of another site. The cookie is SameSite=Strict already; this is the second lock for
/// browsers that ignore it: the request's Origin (or, failing that, its Referer) must name this
/// server as the Host header does. API calls with `Authorization: Bearer` carry no ambient
/// credential and pass; so do requests without the cookie, which act as nobody.
struct CrossSiteGuard<Context: RequestContext>: RouterMiddleware {
    static var changingMethods: Set<HTTPRequest.Method> { [.post, .put, .patch, .delete] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.changingMethods.contains(request.method), request.headers[.authorization] == nil,
           request.cookies[Access.cookieName] != nil, !Self.isSameSite(request) {
            throw AccessDenied(status: .forbidden, sentence: .crossSiteRefused)
        }
        return try await next(request, context)
    }

    /// Origin's (or Referer's) host and port equal the Host the request was sent to.
    static func isSameSite(_ request: Request) -> Bool {
        guard let host = request.head.authority,
              let sender = request.headers[.origin] ?? request.headers[.referer],
              let components = URLComponents(string: sender), let senderHost = components.host else { return false }
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(senderHost)\(port)".lowercased() == host.lowercased()
    }
}
