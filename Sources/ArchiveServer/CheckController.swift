import Foundation
import Hummingbird
import MediaArchive
import MediaFacts
import NIOPosix

/// The self-check: `GET /check` (the page) and `POST /api/check` (one file → the `check`
/// object of DESIGN.md; with `?thumbnail=1` also a `thumbnail` key holding a JPEG data URL, so
/// the page can show the picture the server saw). Nothing is stored; the upload is deleted
/// whatever happens.
struct CheckController<Context: RequestContext>: Sendable {
    let policy: SubmissionPolicy
    let pages: PageRenderer
    var metrics = ServiceMetrics()
    /// The server's workers; uploads are never opened in the server's own process.
    var facts: any FactsSource = InProcessFacts()

    func addRoutes(to router: Router<Context>) {
        router.get("/check", use: page)
        router.post("/api/check", use: check)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        try pages.response(CheckPage(policy: policy, language: PageLanguage.of(request)), request: request)
    }

    @Sendable func check(_ request: Request, context: Context) async throws -> Response {
        let upload = try await UploadedFile.receive(request, field: "file", maxBytes: policy.maxFileBytes)
        defer { upload.discard() }
        let checker = SubmissionChecker(policy: policy, source: facts)
        let path = upload.path
        let wantsThumbnail = request.uri.queryParameters.get("thumbnail").map { $0 == "1" || $0 == "true" } ?? false
        let checked = try await NIOThreadPool.singleton.runIfActive {
            let result = checker.check(path: path)
            // A thumbnail of a file that could not be read would only repeat the error.
            guard wantsThumbnail, result.verdict != .error else { return (result, ThumbnailMaker.Thumbnail?.none) }
            do {
                return (result, try checker.source.thumbnail(path: path, maker: ThumbnailMaker()))
            } catch is UnsafeFile {
                // The picture's decoder took its worker down: the file is not safe, whatever the check said.
                return (SubmissionChecker.notCheckedSafely(path: path), nil)
            } catch {
                return (result, nil)
            }
        }
        metrics.verdict(checked.0.verdict, source: "check")
        // Still messages after renaming: the sentences are written out in the reader's language last.
        let named = checked.0.renamed(from: path, to: upload.originalName)
        let language = PageLanguage.ofAPI(request)
        guard wantsThumbnail else { return try JSONResponse.encode(named, in: language) }
        return try JSONResponse.encode(CheckWithThumbnail(result: named, thumbnailJPEG: checked.1?.jpeg), in: language)
    }
}
