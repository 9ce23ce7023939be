import Foundation
import Hummingbird
import MediaArchive

/// The hand-in API (DESIGN.md, "Roles and the county portal"):
/// - `GET /api/status?round=R` — the `status --json` object; a county token gets its county only.
/// - `POST /api/handin?part=P[&round=R][&county=C]` — files (multipart `file`) checked and
///   stored as `ingest` does, answered with the `ingest` array; or, for `part=media-report`,
///   a JSON body `{url, title, outlet, published}` stored as a link.
/// A county token hands in for its own county; a clerk names `county=`. Late hand-ins are
/// stored and marked late, never refused.
struct HandInController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    var metrics = ServiceMetrics()
    /// The server's workers: hand-ins are checked and thumbnailed there.
    var facts: any FactsSource = InProcessFacts()
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    var scope: HandInScope { HandInScope(settings: settings) }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/status", use: status)
        router.post("/api/handin", use: handIn)
    }

    @Sendable func status(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowse(request)
        let round = try scope.round(request)
        let counties = try scope.counties(request, visibleTo: visibility)
        let reader = backends.statusReader(settings)
        let status = try await BlockingWork.run(failing: "the hand-in status could not be read") {
            try reader.status(round: round, counties: counties)
        }
        return try JSONResponse.encode(status, in: PageLanguage.ofAPI(request))
    }

    @Sendable func handIn(_ request: Request, context: Context) async throws -> Response {
        // Before a byte of the body is read: a refused hand-in costs nothing.
        let token = try await access.requireHandIn(request)
        let receipts = try await take(request, token: token, context: context).receipts
        return try JSONResponse.encode(receipts, in: PageLanguage.ofAPI(request))
    }

    /// What one hand-in request took: its county, round and part, and a receipt per file.
    struct HandIn {
        var county: County
        var round: Round
        var part: Part?
        var receipts: [IngestReceipt]
    }

    /// Checks and stores the request's files (or, for `part=media-report`, its link) for the
    /// token's county, records them in the metrics and the audit log. Shared by `/api/handin`
    /// and the portal's plain form post, so both take a hand-in the same way.
    func take(_ request: Request, token: AccessToken, context: Context) async throws -> HandIn {
        let county = try scope.county(for: token, request)
        let part = try scope.part(request)
        let round = try scope.round(request)
        let ingester = backends.ingester(Ingester(settings: settings, county: county, round: round, part: part,
                                acceptFailing: token.role == .clerk && request.uri.queryParameters.get("acceptFailing") == "true",
                                factsSource: facts))
        let receipts: [IngestReceipt]
        let type = (request.headers[.contentType] ?? "").lowercased()
        if part == .mediaReport, type.hasPrefix("application/json") || type.hasPrefix("application/x-www-form-urlencoded") {
            let link = try await Self.link(request)
            receipts = [try await BlockingWork.run(failing: "the link could not be stored") { try ingester.ingest(link: link) }]
        } else {
            receipts = try await UploadIngest.receipts(request, ingester: ingester, settings: settings)
        }
        metrics.record(receipts, root: settings.root)
        await IngestAudit.record(receipts, by: token, settings: settings, backends: backends, logger: context.logger)
        return HandIn(county: county, round: round, part: part, receipts: receipts)
    }

    /// `{url, title, outlet, published}` as JSON, or the same fields from a browser's form; a bad
    /// address or day is a 400 saying which.
    static func link(_ request: Request) async throws -> MediaReportLink {
        let data = try await request.body.collect(upTo: 64 * 1024)
        let isJSON = (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json")
        let decoded = isJSON ? try? JSONDecoder().decode(MediaReportBody.self, from: Data(buffer: data))
            : try? URLEncodedFormDecoder().decode(MediaReportBody.self, from: String(buffer: data))
        guard let body = decoded else {
            throw ServerError.badRequest("send the media report as JSON: {\"url\": \"https://…\", \"title\": \"…\", \"outlet\": \"…\", \"published\": \"YYYY-MM-DD\"}")
        }
        var published: CalendarDay?
        if let text = body.published, !text.isEmpty {
            guard let day = CalendarDay(parsing: text) else { throw ServerError.badRequest(Wording(.en).badDate(flag: "published", given: text)) }
            published = day
        }
        let outlet = body.outlet.flatMap { $0.isEmpty ? nil : $0 }
        guard let link = MediaReportLink(url: body.url, title: body.title, outlet: outlet, published: published) else {
            throw ServerError.badRequest("\"\(body.url)\" is not a web address; give the article's http:// or https:// address")
        }
        return link
    }
}

/// The JSON body of `POST /api/handin?part=media-report`.
private struct MediaReportBody: Decodable {
    var url: String
    var title: String
    var outlet: String?
    var published: String?
}
