import Foundation
import Hummingbird
import MediaArchive
import NIOPosix

/// The self-check: `GET /check` (the page) and `POST /api/check` (one file → the `check`
/// object of DESIGN.md). Nothing is stored; the upload is deleted whatever happens.
struct CheckController<Context: RequestContext>: Sendable {
    let policy: SubmissionPolicy

    func addRoutes(to router: Router<Context>) {
        router.get("/check", use: page)
        router.post("/api/check", use: check)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: CheckPage.html(policy: policy))))
    }

    @Sendable func check(_ request: Request, context: Context) async throws -> Response {
        let upload = try await UploadedFile.receive(request, field: "file", maxBytes: policy.maxFileBytes)
        defer { upload.discard() }
        let checker = SubmissionChecker(policy: policy)
        let path = upload.path
        let checked = try await NIOThreadPool.singleton.runIfActive { checker.check(path: path) }
        return try JSONResponse.encode(checked.renamed(from: path, to: upload.originalName))
    }
}
