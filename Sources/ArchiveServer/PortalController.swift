import Foundation
import Hummingbird
import MediaArchive

/// The county portal, for county tokens (a browser without a login is sent to `/login`; another
/// role is told the pages are for county staff):
/// - `GET /portal[?round=R]` — the checklist, an upload area per part and the county's items (PortalPage);
/// - `POST /portal/handin?part=P[&round=R]` — a browser's plain form post (files, or a media
///   report's link fields), taken as `/api/handin` takes it and answered with the portal page
///   showing each file's verdict: the upload area works without JavaScript;
/// - `GET /portal/receipt[?round=R]` — the printable receipt (ReceiptPage).
struct PortalController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer
    /// The hand-in API's controller: the form post takes files exactly as `/api/handin` does.
    let handIn: HandInController<Context>
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    func addRoutes(to router: Router<Context>) {
        router.get("/portal", use: page)
        router.post("/portal/handin", use: handInForm)
        router.get("/portal/receipt", use: receipt)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { token, language in
            let scope = HandInScope(settings: settings)
            return try await portal(county: try scope.county(for: token, request), round: try scope.round(request),
                                    handedInNow: [], request: request, language: language)
        }
    }

    @Sendable func handInForm(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { token, language in
            let taken = try await handIn.take(request, token: token, context: context)
            return try await portal(county: taken.county, round: taken.round, handedInNow: taken.receipts,
                                    request: request, language: language)
        }
    }

    @Sendable func receipt(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { token, language in
            let scope = HandInScope(settings: settings)
            let (county, round) = (try scope.county(for: token, request), try scope.round(request))
            let catalog = backends.catalog(settings)
            let items = try await BlockingWork.run(failing: "the hand-in could not be read") {
                try catalog.handInItems(county: county, round: round.id)
            }
            let zone = settings.policy.zone
            return try pages.response(ReceiptPage(county: county, round: round, items: items,
                                                  printedAt: AuditLog.stamp(Date(), in: zone), zone: zone, language: language),
                                      request: request)
        }
    }

    private func portal(county: County, round: Round, handedInNow: [IngestReceipt], request: Request,
                        language: Language) async throws -> Response {
        let (settings, reader) = (settings, backends.statusReader(settings))
        let (status, items) = try await BlockingWork.run(failing: "the hand-in could not be read") {
            (try reader.status(round: round, counties: [county]).counties[0],
             try backends.catalog(settings).handInItems(county: county, round: round.id))
        }
        return try pages.response(PortalPage(county: county, round: round, status: status, items: items, today: settings.day(),
                                             handedInNow: handedInNow, maxBytes: settings.policy.maxFileBytes, language: language),
                                  request: request)
    }

    private func countyPage(_ request: Request,
                            _ render: (AccessToken, Language) async throws -> Response) async throws -> Response {
        try await CountyPageAccess(access: access, pages: pages)
            .render(request, title: PortalPage.Text.of(PageLanguage.of(request)).title, render)
    }
}
