import Foundation
import Hummingbird
import MediaArchive

/// `GET /media/:sha256`: an item's original bytes, for the item page's player and picture
/// (byte ranges, so a video seeks without loading the whole file) and, with `?download=1`,
/// as a download under its original name. `HEAD` answers the same headers without the bytes.
struct MediaController<Context: RequestContext>: Sendable {
    let lookup: ItemLookup
    /// Where the bytes are: the archive folder or an S3 store.
    let files: StoredFileResponse

    func addRoutes(to router: Router<Context>) {
        router.getAndHead("/media/:\(ItemLookup.parameter)", use: media)
    }

    @Sendable func media(_ request: Request, context: Context) async throws -> Response {
        let item = try await lookup.requireItem(request, context: context)
        let asked = request.uri.queryParameters.get("download").map { $0 == "1" || $0 == "true" } ?? false
        let contentType = MediaContentType.forExtension(item.objectExtension)
        let headers: HTTPFields = [
            .contentType: contentType,
            // Handed-in files are not ours: only what a browser shows passively opens in place
            // (a crafted .svg or .html served inline would run as a page of the archive itself).
            .contentDisposition: ContentDisposition.value(attachment: asked || !MediaContentType.isSafeInline(contentType),
                                                          fileName: item.entry.downloadName),
            .init("X-Content-Type-Options")!: "nosniff",
            // The URL names the content by its hash, so what it returns can never change.
            .cacheControl: "private, max-age=31536000, immutable",
        ]
        return try await files.response(key: item.object, etag: "\"\(item.entry.sha256)\"", headers: headers,
                                         request: request, context: context)
    }
}
