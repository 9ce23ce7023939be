import Foundation
import Hummingbird
import Logging
import MediaArchive

/// The registration forms entered by hand (DESIGN.md): `GET /api/forms?round=R`,
/// `POST /api/forms` (JSON `{form, fields}`), `PUT` and `DELETE /api/forms/<id>`, and the
/// clerks' `POST /api/forms/reopen?county=C&round=R`. A county token works on its own county
/// until the registration deadline (then 409, unless a clerk reopened them); a clerk on any
/// county it names. Every change goes into the audit log.
struct FormsController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    /// Where the records, marks and audit log are (`serve --catalogue`).
    var backends = StorageBackends()

    var scope: HandInScope { HandInScope(settings: settings) }
    static var idParameter: String { "id" }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/forms", use: list)
        router.post("/api/forms", use: add)
        router.post("/api/forms/reopen", use: reopen)
        router.put("/api/forms/:\(Self.idParameter)", use: replace)
        router.delete("/api/forms/:\(Self.idParameter)", use: remove)
    }

    /// The request body of POST and PUT.
    struct RecordBody: Decodable {
        var form: RegistrationForm
        var fields: [String: String]
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowse(request)
        let round = try scope.round(request)
        let counties = try scope.counties(request, visibleTo: visibility)
        let store = backends.forms(settings)
        let records = try await BlockingWork.run(failing: "the form records could not be read") {
            try store.records(round: round.id, counties: counties)
        }
        return try JSONResponse.encode(records)
    }

    @Sendable func add(_ request: Request, context: Context) async throws -> Response {
        let change = try await openChange(request)
        let body = try await Self.body(request)
        var response = try JSONResponse.encode(try await add(body, change: change, logger: context.logger))
        response.status = .created
        return response
    }

    @Sendable func replace(_ request: Request, context: Context) async throws -> Response {
        let change = try await openChange(request)
        let body = try await Self.body(request)
        return try JSONResponse.encode(try await replace(try Self.id(context), with: body, change: change, logger: context.logger))
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let change = try await openChange(request)
        try await remove(try Self.id(context), change: change, logger: context.logger)
        return Response(status: .noContent)
    }

    // The record changes themselves, shared with the portal's web forms (PortalFormsController).

    func add(_ body: RecordBody, change: OpenChange, logger: Logger) async throws -> FormRecord {
        let record = FormRecord(form: body.form, county: change.county.slug, round: change.round.id, entry: nil,
                                fields: body.fields, enteredAt: AuditLog.stamp(Date(), in: settings.policy.zone))
        let store = backends.forms(settings)
        try await BlockingWork.run(failing: "the form record could not be stored") { try store.add([record]) }
        await change.audit(.formAdded, record: record, settings: settings, logger: logger)
        return record
    }

    func replace(_ id: String, with body: RecordBody, change: OpenChange, logger: Logger) async throws -> FormRecord {
        let record = FormRecord(id: id, form: body.form, county: change.county.slug, round: change.round.id, entry: nil,
                                fields: body.fields, enteredAt: AuditLog.stamp(Date(), in: settings.policy.zone))
        let store = backends.forms(settings)
        let (county, round) = (change.county, change.round.id)
        guard try await BlockingWork.run(failing: "the form record could not be changed", {
            try store.update(id: id, round: round, county: county, to: record)
        }) else { throw Self.notFound(id) }
        await change.audit(.formChanged, record: record, settings: settings, logger: logger)
        return record
    }

    func remove(_ id: String, change: OpenChange, logger: Logger) async throws {
        let store = backends.forms(settings)
        let (county, round) = (change.county, change.round.id)
        let old = try await BlockingWork.run(failing: "the form records could not be read") {
            try store.records(round: round, county: county).first { $0.id == id }
        }
        guard let old, try await BlockingWork.run(failing: "the form record could not be removed", {
            try store.update(id: id, round: round, county: county, to: nil)
        }) else { throw Self.notFound(id) }
        await change.audit(.formRemoved, record: old, settings: settings, logger: logger)
    }

    /// Clerks only: lets the county change its forms again after the registration deadline.
    @Sendable func reopen(_ request: Request, context: Context) async throws -> Response {
        let clerk = try await access.requireRole(.clerk, request)
        let county = try scope.county(for: clerk, request)
        let round = try scope.round(request)
        let mark = ItemMark(time: AuditLog.stamp(Date(), in: settings.policy.zone), mark: .formsReopened, round: round.id, by: .token(clerk))
        try await MarkRecording.append(mark, county: county, settings: settings, backends: backends, logger: context.logger)
        return BoardController<Context>.answer(request, json: try JSONResponse.encode(mark), county: county, round: round)
    }

    /// Who changes which county's round, once it is known the forms are open to them.
    struct OpenChange {
        var token: AccessToken
        var county: County
        var round: Round
        var backends: StorageBackends

        func audit(_ action: AuditAction, record: FormRecord, settings: ArchiveSettings, logger: Logger) async {
            let event = AuditEvent(time: AuditLog.stamp(Date(), in: settings.policy.zone), who: .token(token), action: action,
                                   county: county.slug, round: round.id, part: record.form.part.rawValue, detail: "record \(record.id)")
            await MarkRecording.audit([event], settings: settings, backends: backends, logger: logger)
        }
    }

    func openChange(_ request: Request) async throws -> OpenChange {
        let token = try await access.requireHandIn(request)
        let county = try scope.county(for: token, request)
        let round = try scope.round(request)
        let log = backends.marks(settings)
        let marks = try await BlockingWork.run(failing: "the marks could not be read") { try log.marks(county: county) }
        try scope.requireFormsOpen(for: token, county: county, round: round, marks: marks)
        return OpenChange(token: token, county: county, round: round, backends: backends)
    }

    static func body(_ request: Request) async throws -> RecordBody {
        let data = try await request.body.collect(upTo: 256 * 1024)
        do {
            return try JSONDecoder().decode(RecordBody.self, from: Data(buffer: data))
        } catch {
            let forms = RegistrationForm.allCases.map(\.rawValue).joined(separator: " or ")
            throw ServerError.badRequest("send the record as JSON: {\"form\": \(forms), \"fields\": {\"projectName\": \"…\", …}}")
        }
    }

    static func id(_ context: Context) throws -> String {
        try id(context.parameters.get(idParameter))
    }

    static func id(_ given: String?) throws -> String {
        guard let id = given, id.count == 12, id.allSatisfy(\.isHexDigit) else {
            throw ServerError.badRequest("a form record is named by its id: 12 hexadecimal digits, as GET /api/forms lists them")
        }
        return String(id)
    }

    static func notFound(_ id: String) -> ServerError {
        ServerError(status: .notFound, message: "no form record \(id) in this county's round; GET /api/forms lists them")
    }
}
