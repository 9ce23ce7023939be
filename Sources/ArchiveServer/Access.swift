import Foundation
import Hummingbird
import MediaArchive

/// Who may do what: a token's secret arrives as `Authorization: Bearer <secret>` (API) or in
/// the login cookie (browser), and is checked against `tokens.json` on every request, so a
/// revoked token stops working at once.
struct Access: Sendable {
    let tokens: AccessTokens
    /// `policy.json`'s `publicBrowse`: gallery, search and downloads open to anyone.
    let publicBrowse: Bool

    static let cookieName = "media_archive_token"
    /// A cookie older versions set beside the login cookie for the nav bar; no longer read or
    /// set (the nav bar asks the token, `cookieViewer`), only cleared at logout.
    static let oldRoleCookieName = "media_archive_role"

    /// The login cookie's token, verified for this request by `ViewerMiddleware`.
    struct Viewer: Sendable {
        var secret: String
        var token: AccessToken
    }
    @TaskLocal static var cookieViewer: Viewer?

    init(settings: ArchiveSettings, backends: StorageBackends = StorageBackends()) {
        tokens = backends.tokens(settings)
        publicBrowse = settings.policy.publicBrowse
    }

    /// Gallery, search, downloads: any valid token, or nobody at all under `publicBrowse`.
    /// A county token sees its own county only, even under `publicBrowse`.
    @discardableResult
    func requireBrowse(_ request: Request) async throws -> Visibility {
        if publicBrowse {
            // An anonymous visitor sees what the policy opens; a county's own login still
            // narrows its view, so its pages look the same whatever the policy says.
            guard (try? Self.presentedSecret(request)) != nil, let token = try? await requireToken(request) else { return .everyCounty }
            return Visibility(token)
        }
        return Visibility(try await requireToken(request))
    }

    /// The gallery's HTML pages: as `requireBrowse`, but a browser without a valid token is
    /// sent to the login page (see `forPage`).
    @discardableResult
    func requireBrowsePage(_ request: Request) async throws -> Visibility {
        try await forPage(request) { try await requireBrowse(request) }
    }

    /// Handing in: a clerk (for any county) or a county token (for its own). 401 without a
    /// token, 403 for an archivist.
    func requireHandIn(_ request: Request) async throws -> AccessToken {
        let token = try await requireToken(request)
        guard token.role == .clerk || token.role == .county else {
            throw AccessDenied(status: .forbidden, sentence: .roleRequired(.county, tokenName: token.name, tokenRole: token.role))
        }
        return token
    }

    /// `check` for an HTML page: a browser without a valid token is sent to the login page (303)
    /// rather than shown a 401 it can do nothing with; other refusals are thrown as they are.
    func forPage<Value>(_ request: Request, _ check: () async throws -> Value) async throws -> Value {
        do {
            return try await check()
        } catch let denied as AccessDenied where denied.status == .unauthorized {
            throw LoginRedirect(returningTo: request.uri.description)
        }
    }

    /// Any valid token; 401 without one.
    func requireToken(_ request: Request) async throws -> AccessToken {
        guard let secret = try Self.presentedSecret(request) else {
            throw AccessDenied.unauthenticated(.tokenMissing)
        }
        if let viewer = Self.cookieViewer, viewer.secret == secret { return viewer.token }
        guard let token = try await verify(secret) else {
            throw AccessDenied.unauthenticated(.tokenInvalid)
        }
        return token
    }

    /// A valid token of this role; 401 without a token, 403 with another role's.
    func requireRole(_ role: AccessRole, _ request: Request) async throws -> AccessToken {
        let token = try await requireToken(request)
        guard token.role == role else {
            throw AccessDenied(status: .forbidden, sentence: .roleRequired(role, tokenName: token.name, tokenRole: token.role))
        }
        return token
    }

    func verify(_ secret: String) async throws -> AccessToken? {
        let tokens = self.tokens
        return try await BlockingWork.run(failing: "access tokens cannot be checked") { try tokens.verify(secret: secret) }
    }

    /// The Bearer header wins over the cookie; another Authorization scheme is refused.
    static func presentedSecret(_ request: Request) throws -> String? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw AccessDenied.unauthenticated(.bearerExpected)
            }
            return parts[1].trimmingCharacters(in: .whitespaces)
        }
        if let cookie = request.cookies[cookieName], !cookie.value.isEmpty {
            return cookie.value
        }
        return nil
    }
}

/// Which counties a request may see: all of them, or a county token's own.
enum Visibility: Sendable, Equatable {
    case everyCounty
    case county(String)

    init(_ token: AccessToken) {
        if token.role == .county, let county = token.county { self = .county(county) } else { self = .everyCounty }
    }

    func allows(_ countySlug: String) -> Bool {
        switch self {
        case .everyCounty: return true
        case .county(let own): return own == countySlug
        }
    }

    /// `counties` narrowed to what may be seen; a county token asking for another county is
    /// refused (403), so it learns nothing by asking.
    func narrow(_ counties: [County], registry: CountyRegistry) throws -> [County] {
        guard case .county(let own) = self else { return counties }
        if let other = counties.first(where: { $0.slug != own }) {
            throw AccessDenied(status: .forbidden, sentence: .otherCounty(tokenCounty: own, asked: other.slug))
        }
        return [try registry.resolve(own)]
    }

    /// A search narrowed to what may be seen.
    func narrow(_ query: CatalogQuery, registry: CountyRegistry) throws -> CatalogQuery {
        var narrowed = query
        narrowed.counties = try narrow(query.counties, registry: registry)
        return narrowed
    }
}

/// 401 (with `WWW-Authenticate: Bearer`, so clients know what to send) or 403, in the API's
/// language for the request (see ServerError).
struct AccessDenied: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var sentence: Message

    static func unauthenticated(_ sentence: Message) -> AccessDenied {
        AccessDenied(status: .unauthorized, sentence: sentence)
    }

    var headers: HTTPFields {
        status == .unauthorized ? [.wwwAuthenticate: #"Bearer realm="media-archive""#] : [:]
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(status, headers: headers, message: sentence.text(in: PageLanguage.ofAPI(request))).response(from: request, context: context)
    }
}

/// 303 to `/login`: what a page answers a browser that has not logged in. The login page
/// sends it back to `returningTo` afterwards (see ReturnPath).
struct LoginRedirect: Error, HTTPResponseError {
    var returningTo: String
    var status: HTTPResponse.Status { .seeOther }
    var headers: HTTPFields { [.location: ReturnPath.loginLocation(returningTo: returningTo), .cacheControl: "no-store"] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: headers)
    }
}
