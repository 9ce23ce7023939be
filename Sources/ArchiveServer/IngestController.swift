import Foundation
import Hummingbird
import MediaArchive

/// The clerks' ingest: `GET /ingest` (the page) and `POST /api/ingest?county=C[&acceptFailing=true]`
/// (one or more files → the receipts `ingest --json` prints, one per file, in order). Clerk
/// tokens only. Uploads are streamed into the county's staging folder and go through the same
/// `Ingester` as the command line.
struct IngestController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer
    var metrics = ServiceMetrics()
    /// The server's workers: uploads are checked and thumbnailed there.
    var facts: any FactsSource = InProcessFacts()
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    func addRoutes(to router: Router<Context>) {
        router.get("/ingest", use: page)
        router.post("/api/ingest", use: ingest)
    }

    /// A browser without a clerk session is sent to log in; an archivist is told why not.
    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let clerk: AccessToken
        do {
            clerk = try await access.forPage(request) { try await access.requireRole(.clerk, request) }
        } catch let denied as AccessDenied {
            return try pages.response(IngestPage.ClerksOnly(language: PageLanguage.of(request)), status: denied.status, request: request)
        }
        let page = IngestPage(counties: settings.counties, policy: settings.policy, clerk: clerk, language: PageLanguage.of(request))
        return try pages.response(page, request: request)
    }

    @Sendable func ingest(_ request: Request, context: Context) async throws -> Response {
        // Before a byte of the body is read: a refused upload costs nothing.
        let clerk = try await access.requireRole(.clerk, request)
        let ingester = backends.ingester(Ingester(settings: settings, county: try county(request),
                                acceptFailing: request.uri.queryParameters.get("acceptFailing") == "true", factsSource: facts))
        let receipts = try await UploadIngest.receipts(request, ingester: ingester, settings: settings)
        metrics.record(receipts, root: settings.root)
        await IngestAudit.record(receipts, by: clerk, settings: settings, backends: backends, logger: context.logger)
        return try JSONResponse.encode(receipts, in: PageLanguage.ofAPI(request))
    }

    /// Slug, Chinese name or code; anything else is a 400 that lists the known counties.
    private func county(_ request: Request) throws -> County {
        do {
            return try settings.counties.resolve(request.uri.queryParameters.get("county") ?? "")
        } catch let error as ArchiveError {
            // A message, not its English text: the page asks for its own language (`lang=`).
            throw ServerError(status: .badRequest, sentence: .archiveProblem(error))
        }
    }
}
