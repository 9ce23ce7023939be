import Foundation
import Hummingbird
import MediaArchive

/// The registration forms as web forms, for county tokens (FormsPage):
/// - `GET /portal/forms[?round=R]` — the county's records of the round;
/// - `POST /portal/forms?form=F[&round=R]` — add one; `POST /portal/forms/<id>?form=F` — save it;
///   `POST /portal/forms/<id>/delete` — remove it. Each a browser's urlencoded form, answered with
///   303 back to the page; the changes themselves are FormsController's (the same store, the
///   same deadline, the same audit). After the deadline a post gets the 409's words on a page.
struct PortalFormsController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer
    let forms: FormsController<Context>

    var scope: HandInScope { HandInScope(settings: settings) }

    func addRoutes(to router: Router<Context>) {
        router.get("/portal/forms", use: page)
        router.post("/portal/forms", use: add)
        router.post("/portal/forms/:\(FormsController<Context>.idParameter)", use: save)
        router.post("/portal/forms/:\(FormsController<Context>.idParameter)/delete", use: remove)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { token, language in
            let (county, round) = (try scope.county(for: token, request), try scope.round(request))
            let (store, log) = (forms.backends.forms(settings), forms.backends.marks(settings))
            let (records, marks) = try await BlockingWork.run(failing: "the form records could not be read") {
                (try store.records(round: round.id, county: county), try log.marks(county: county))
            }
            var locked: String?
            do {
                try scope.requireFormsOpen(for: token, county: county, round: round, marks: marks)
            } catch let error as ServerError {
                locked = error.sentence.text(in: language)
            }
            return try pages.response(FormsPage(county: county, round: round, records: records, lockedMessage: locked,
                                                language: language), request: request)
        }
    }

    @Sendable func add(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { _, _ in
            let change = try await forms.openChange(request)
            let record = try await forms.add(try await Self.body(request), change: change, logger: context.logger)
            return Self.back(round: change.round, anchor: "record-\(record.id)")
        }
    }

    @Sendable func save(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { _, _ in
            let change = try await forms.openChange(request)
            let id = try FormsController<Context>.id(context)
            _ = try await forms.replace(id, with: try await Self.body(request), change: change, logger: context.logger)
            return Self.back(round: change.round, anchor: "record-\(id)")
        }
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        try await countyPage(request) { _, _ in
            let change = try await forms.openChange(request)
            try await forms.remove(try FormsController<Context>.id(context), change: change, logger: context.logger)
            return Self.back(round: change.round, anchor: "forms")
        }
    }

    static func back(round: Round, anchor: String) -> Response {
        Response(status: .seeOther, headers: [.location: "/portal/forms?round=\(round.id)#\(anchor)", .cacheControl: "no-store"])
    }

    /// The record the browser's form sends: the form from `form=` in the URL, every non-empty
    /// field of that form from the body (anything else it carries is ignored).
    static func body(_ request: Request) async throws -> FormsController<Context>.RecordBody {
        guard let named = request.uri.queryParameters.get("form"), let form = RegistrationForm(rawValue: String(named)) else {
            throw ServerError.badRequest("say which form: form=\(RegistrationForm.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        let data = try await request.body.collect(upTo: 256 * 1024)
        // A form's spaces arrive as "+", which URLComponents does not undo.
        let query = String(buffer: data).replacingOccurrences(of: "+", with: "%20")
        let sent = URLComponents(string: "?" + query)?.queryItems ?? []
        var fields: [String: String] = [:]
        for field in form.fields {
            if let value = sent.last(where: { $0.name == field.key })?.value?.trimmingCharacters(in: .whitespacesAndNewlines),
               !value.isEmpty {
                fields[field.key] = value
            }
        }
        return .init(form: form, fields: fields)
    }

    private func countyPage(_ request: Request,
                            _ render: (AccessToken, Language) async throws -> Response) async throws -> Response {
        try await CountyPageAccess(access: access, pages: pages)
            .render(request, title: FormsPage.Text.of(PageLanguage.of(request)).title, render)
    }
}
