import Foundation
import Hummingbird
import MediaArchive

/// `GET /[?round=R]`: the gallery's first page, the round's hand-in as `status` works it out —
/// every county's have/need per part and what it still owes — each county linking to its
/// search in that round. A county token sees its own county only.
struct CountiesController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    func addRoutes(to router: Router<Context>) {
        router.get("/", use: page)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowsePage(request)
        let scope = HandInScope(settings: settings)
        let round = try scope.round(request)
        let counties = try scope.counties(request, visibleTo: visibility)
        let reader = backends.statusReader(settings)
        let status = try await BlockingWork.run(failing: "the hand-in status could not be read") {
            try reader.status(round: round, counties: counties)
        }
        return try pages.response(CountiesPage(round: round, status: status, language: PageLanguage.of(request)), request: request)
    }
}
