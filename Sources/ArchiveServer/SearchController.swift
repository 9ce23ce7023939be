import Foundation
import Hummingbird
import MediaArchive

/// Finding items: `GET /api/search?county=&from=&to=&kind=&verdict=&camera=&text=` (the
/// `search` array, exactly as `search --json` prints it) and `GET /search` (the gallery's
/// search page with the same filters, a page of thumbnails at a time). Both need a token
/// unless `publicBrowse`.
struct SearchController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer

    /// Items per page: a county's whole hand-in can run to thousands of thumbnails.
    var pageSize = 200
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    func addRoutes(to router: Router<Context>) {
        router.get("/api/search", use: search)
        router.get("/search", use: page)
    }

    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowse(request)
        let query = try visibility.narrow(SearchParameters.query(request.uri.queryParameters, settings: settings), registry: settings.counties)
        let catalog = backends.catalog(settings)
        let lines = try await BlockingWork.run(failing: Self.failure) { try catalog.searchJSONLines(query) }
        return JSONResponse.array(ofLines: lines)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowsePage(request)
        let parameters = request.uri.queryParameters
        let language = PageLanguage.of(request)
        let results: CatalogPage
        do {
            let query = try visibility.narrow(SearchParameters.query(parameters, settings: settings), registry: settings.counties)
            let offset = try Self.offset(parameters)
            let catalog = backends.catalog(settings)
            let limit = pageSize
            results = try await BlockingWork.run(failing: Self.failure) { try catalog.searchPage(query, offset: offset, limit: limit) }
        } catch let bad as BadSearchParameter {
            // The form stays, filled in as sent, so the search can be corrected.
            let page = SearchPage(settings: settings, parameters: parameters, language: language, problem: bad.text(in: language))
            return try pages.response(page, status: .badRequest, request: request)
        }
        let page = SearchPage(settings: settings, parameters: parameters, language: language, results: results)
        return try pages.response(page, request: request)
    }

    /// Where the page starts among the matches (the "more" link's `offset`).
    static func offset(_ parameters: Parameters) throws(BadSearchParameter) -> Int {
        guard let text = parameters.get("offset"), !text.isEmpty else { return 0 }
        guard let offset = Int(text), offset >= 0 else {
            throw BadSearchParameter(message: "offset must be a whole number, 0 or more (got \"\(text)\")",
                                     chinese: "页码参数 offset“\(text)”无效，应为 0 或正整数。")
        }
        return offset
    }

    private static var failure: String { "the archive could not be searched" }
}
