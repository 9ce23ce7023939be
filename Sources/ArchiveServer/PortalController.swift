import Foundation
import Hummingbird
import MediaArchive

/// `GET /portal[?round=R]`: a county token's own checklist (PortalPage). A browser without a
/// login is sent to `/login`; another role is told the page is for county staff.
struct PortalController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    func addRoutes(to router: Router<Context>) {
        router.get("/portal", use: page)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let language = PageLanguage.of(request)
        let token: AccessToken
        do {
            token = try await access.forPage(request) { try await access.requireRole(.county, request) }
        } catch let denied as AccessDenied {
            let message = denied.sentence.text(in: language)
            return try pages.response(MessagePage(title: language == .zh ? "区县提交" : "County hand-in", message: message, language: language),
                                      status: denied.status, request: request)
        }
        let scope = HandInScope(settings: settings)
        let county = try scope.county(for: token, request)
        let round = try scope.round(request)
        let (settings, reader) = (settings, backends.statusReader(settings))
        let (status, items) = try await BlockingWork.run(failing: "the hand-in could not be read") {
            (try reader.status(round: round, counties: [county]).counties[0],
             try backends.catalog(settings).handInItems(county: county, round: round.id))
        }
        return try pages.response(PortalPage(county: county, round: round, status: status, items: items, language: language), request: request)
    }
}
