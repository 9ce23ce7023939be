import Foundation
import Hummingbird
import MediaArchive

/// Marks on handed-in items (nothing is deleted; see MarkLog):
/// - `POST /api/items/:sha256/withdraw?round=R[&part=P]` — a county takes its item back
///   before the round's deadline (409 after it); a clerk may for any county it names.
/// - `POST /api/items/:sha256/return?county=C&round=R[&part=P]` — a clerk returns an item for
///   correction with a note (JSON `{note}` or a form field `note`).
/// - `GET /api/marks?round=R` — the marks of the counties the token may see.
struct MarksController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    var scope: HandInScope { HandInScope(settings: settings) }

    func addRoutes(to router: Router<Context>) {
        router.post("/api/items/:\(ItemLookup.parameter)/withdraw", use: withdraw)
        router.post("/api/items/:\(ItemLookup.parameter)/return", use: giveBack)
        router.get("/api/marks", use: list)
    }

    @Sendable func withdraw(_ request: Request, context: Context) async throws -> Response {
        let token = try await access.requireHandIn(request)
        let (county, round, entry) = try await item(request, context: context, token: token)
        let due = round.due(entry.part ?? .other)
        if token.role == .county && settings.day() > due {
            throw ServerError(status: .conflict, sentence: .withdrawClosed(deadline: due))
        }
        let marked = try await mark(.withdrawn, entry: entry, county: county, round: round, note: nil, token: token, context: context)
        // The portal's withdraw button is a form post: back to the item on the portal.
        return BoardController<Context>.answer(request, json: marked, backTo: "/portal?round=\(round.id)#item-\(entry.sha256)")
    }

    @Sendable func giveBack(_ request: Request, context: Context) async throws -> Response {
        let clerk = try await access.requireRole(.clerk, request)
        let (county, round, entry) = try await item(request, context: context, token: clerk)
        let note = try await Self.note(request)
        let marked = try await mark(.returned, entry: entry, county: county, round: round, note: note, token: clerk, context: context)
        return BoardController<Context>.answer(request, json: marked, county: county, round: round)
    }

    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await access.requireBrowse(request)
        let round = try scope.round(request)
        let counties = try visibility.narrow([], registry: settings.counties)
        let log = backends.marks(settings)
        let shown = counties.isEmpty ? settings.counties.counties : counties
        let marks = try await BlockingWork.run(failing: "the marks could not be read") {
            try shown.map { county in
                CountyMarkList(county: county.slug, marks: try log.marks(county: county).marks.filter { $0.round == round.id })
            }
        }
        return try JSONResponse.encode(marks)
    }

    struct CountyMarkList: Encodable {
        var county: String
        var marks: [ItemMark]
    }

    private func mark(_ kind: MarkKind, entry: CatalogEntry, county: County, round: Round, note: String?,
                      token: AccessToken, context: Context) async throws -> Response {
        let mark = ItemMark(time: AuditLog.stamp(Date(), in: settings.policy.zone), mark: kind, round: round.id,
                            sha256: entry.sha256, part: entry.part, note: note, by: .token(token))
        try await MarkRecording.append(mark, county: county, settings: settings, backends: backends, logger: context.logger)
        return try JSONResponse.encode(mark)
    }

    /// The entry the URL names in the county's round; 404 when there is none (or it is another
    /// county's, which a county token cannot tell apart).
    private func item(_ request: Request, context: Context, token: AccessToken) async throws -> (County, Round, CatalogEntry) {
        let county = try scope.county(for: token, request)
        let round = try scope.round(request)
        let part = try scope.part(request)
        guard let sha256 = ItemLookup.sha256(in: context) else {
            throw ServerError.badRequest("an item is named by its SHA-256: exactly 64 lower-case hex digits")
        }
        let catalog = backends.catalog(settings)
        guard let entry = try await BlockingWork.run(failing: "the catalogue could not be read", {
            try catalog.handInEntry(county: county, sha256: sha256, round: round.id, part: part)
        }) else {
            throw ServerError(status: .notFound, message: "\(county.slug) has no item \(sha256) in round \(round.id)\(part.map { " for \($0.rawValue)" } ?? ""); name the part with part= if it was handed in for two")
        }
        return (county, round, entry)
    }

    /// The clerk's note: required, at most 2,000 characters.
    static func note(_ request: Request) async throws -> String {
        let data = Data(buffer: try await request.body.collect(upTo: 64 * 1024))
        let isJSON = (request.headers[.contentType] ?? "").lowercased().hasPrefix("application/json")
        let body = isJSON ? try? JSONDecoder().decode(NoteBody.self, from: data)
            : try? URLEncodedFormDecoder().decode(NoteBody.self, from: String(decoding: data, as: UTF8.self))
        let note = (body?.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2000).contains(note.count) else {
            throw ServerError.badRequest("say what to correct: send {\"note\": \"…\"} (1 to 2,000 characters)")
        }
        return note
    }
}

/// The body of a return for correction.
private struct NoteBody: Decodable {
    var note: String?
}
