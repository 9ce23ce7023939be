import Foundation
import Hummingbird
import MediaArchive

/// `GET /`: the gallery's first page, every county of the registry with what it has handed in
/// and whether it met the deadline — the `report` command's figures, each county linking to
/// its search.
struct CountiesController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    /// Days tallied by earlier visits (or by the warm-up at start): the page reads only the days
    /// that changed since.
    let reportCache: ReportCache
    let pages: PageRenderer

    func addRoutes(to router: Router<Context>) {
        router.get("/", use: page)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowsePage(request)
        let report = SubmissionReport(settings: settings, cache: reportCache)
        let counties = try await BlockingWork.run(failing: "the catalogue could not be read") { try report.counties() }
            .filter { visibility.allows($0.county) }
        return try pages.response(CountiesPage(counties, deadline: settings.policy.deadline, language: PageLanguage.of(request)), request: request)
    }
}
