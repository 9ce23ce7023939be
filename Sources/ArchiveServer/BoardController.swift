import Foundation
import Hummingbird
import MediaArchive
import NIOCore

/// The clerks' board (BoardPage): `GET /board[?round=R]`, the round's consolidated forms
/// `GET /board/forms.xlsx[?round=R]` and a county's BagIt hand-over as a zip,
/// `GET /board/handover.zip?county=C[&round=R]` (BoardController+HandOver). Clerks change
/// things from it (its forms post to the return and reopen routes, which send a browser back
/// here); archivists may look; a county token is told the board is for clerks (403); a browser
/// without a login goes to `/login`.
struct BoardController<Context: RequestContext>: Sendable {
    let settings: ArchiveSettings
    let access: Access
    let pages: PageRenderer
    /// Where the objects and entries are (`serve --store … --catalogue …`).
    var backends = StorageBackends()

    func addRoutes(to router: Router<Context>) {
        router.get("/board", use: page)
        router.get("/board/forms.xlsx", use: formsWorkbook)
        router.get("/board/handover.zip", use: handOverZip)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let language = PageLanguage.of(request)
        let token: AccessToken
        do {
            token = try await viewer(request)
        } catch let denied as AccessDenied {
            return try pages.response(MessagePage(title: language == .zh ? "提交看板" : "Hand-in board",
                                                  message: denied.sentence.text(in: language), language: language),
                                      status: denied.status, request: request)
        }
        let round = try HandInScope(settings: settings).round(request)
        let (settings, reader) = (settings, backends.statusReader(settings))
        let (status, items) = try await BlockingWork.run(failing: "the hand-in could not be read") {
            let catalog = backends.catalog(settings)
            let items = try settings.counties.counties.map { ($0.slug, try catalog.handInItems(county: $0, round: round.id)) }
            return (try reader.status(round: round), Dictionary(items, uniquingKeysWith: { first, _ in first }))
        }
        let board = BoardPage(round: round, status: status, items: items, canChange: token.role == .clerk, language: language)
        return try pages.response(board, request: request)
    }

    /// The workbook `forms export FILE.xlsx` writes (a sheet per form, every county).
    @Sendable func formsWorkbook(_ request: Request, context: Context) async throws -> Response {
        _ = try await viewer(request)
        let round = try HandInScope(settings: settings).round(request)
        let store = backends.forms(settings)
        let bytes = try await BlockingWork.run(failing: "the forms could not be exported") {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("board-forms-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("forms.xlsx")
            _ = try store.export(round: round.id, to: file)
            return try Data(contentsOf: file)
        }
        return Response(status: .ok, headers: [
            .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            .contentDisposition: ContentDisposition.value(attachment: true, fileName: "备案表-\(round.id).xlsx"),
            .cacheControl: "no-store",
        ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A clerk or an archivist; a county token is refused (403), no token sent to the login page.
    func viewer(_ request: Request) async throws -> AccessToken {
        try await access.forPage(request) {
            let token = try await access.requireToken(request)
            guard token.role == .clerk || token.role == .archivist else {
                throw AccessDenied(status: .forbidden, sentence: .roleRequired(.clerk, tokenName: token.name, tokenRole: token.role))
            }
            return token
        }
    }

    /// What the return and reopen routes answer a form the board posted (urlencoded, as a
    /// browser sends it): back to the county's part of the board. API calls keep their JSON.
    static func answer(_ request: Request, json: Response, county: County, round: Round) -> Response {
        answer(request, json: json, backTo: "/board?round=\(round.id)#county-\(county.slug)")
    }

    /// A browser's urlencoded form post is sent back to `location` (303); API calls get `json`.
    static func answer(_ request: Request, json: Response, backTo location: String) -> Response {
        let type = (request.headers[.contentType] ?? "").lowercased()
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return json }
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}
