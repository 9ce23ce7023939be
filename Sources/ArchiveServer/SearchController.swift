import Foundation
import Hummingbird
import MediaArchive
import NIOPosix

/// `GET /api/search?county=&from=&to=&kind=&verdict=&camera=&text=`: the `search` array,
/// exactly as `search --json` prints it. `county` may repeat. Needs a token unless `publicBrowse`.
struct SearchController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access

    func addRoutes(to router: Router<Context>) {
        router.get("/api/search", use: search)
    }

    @Sendable func search(_ request: Request, context: Context) async throws -> Response {
        try await access.requireBrowse(request)
        let query = try Self.query(request.uri.queryParameters, settings: settings)
        let catalog = Catalog(settings: settings)
        let lines: [Data]
        do {
            lines = try await NIOThreadPool.singleton.runIfActive { try catalog.searchJSONLines(query) }
        } catch {
            throw ServerError(status: .internalServerError, message: "the archive could not be searched: \(error)")
        }
        return JSONResponse.array(ofLines: lines)
    }

    static func query(_ parameters: Parameters, settings: ArchiveSettings) throws -> CatalogQuery {
        func single(_ name: String) -> String? {
            parameters.get(name).flatMap { $0.isEmpty ? nil : String($0) }
        }
        var query = CatalogQuery()
        query.counties = try parameters.getAll("county").filter { !$0.isEmpty }.map { text in
            do { return try settings.counties.resolve(String(text)) } catch {
                throw ServerError.badRequest("\(error)")
            }
        }
        query.from = try day(single("from"), name: "from")
        query.to = try day(single("to"), name: "to")
        if let kind = single("kind") {
            guard let value = MediaKind(rawValue: kind) else {
                throw ServerError.badRequest("kind must be one of \(MediaKind.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(kind)\")")
            }
            query.kind = value
        }
        if let verdict = single("verdict") {
            guard let value = Verdict(rawValue: verdict) else {
                throw ServerError.badRequest("verdict must be pass or fail (got \"\(verdict)\")")
            }
            query.verdict = value
        }
        query.camera = single("camera")
        query.text = single("text")
        return query
    }

    private static func day(_ text: String?, name: String) throws -> CalendarDay? {
        guard let text else { return nil }
        guard let day = CalendarDay(parsing: text) else {
            throw ServerError.badRequest("\(name) takes a date written YYYY-MM-DD, e.g. 2021-05-22 (got \"\(text)\")")
        }
        return day
    }
}
