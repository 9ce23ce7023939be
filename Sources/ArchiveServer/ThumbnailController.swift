import Foundation
import Hummingbird
import MediaArchive

/// `GET /thumbs/:sha256`: an item's upright JPEG thumbnail, for the search page's tiles; 404
/// when the item has none (documents, or a picture that could not be decoded). `HEAD` answers
/// the same headers without the picture.
struct ThumbnailController<Context: RequestContext>: Sendable {
    let lookup: ItemLookup
    /// Where the thumbnails are: the archive folder or an S3 store (`<county>/thumbs/…`).
    let files: StoredFileResponse

    func addRoutes(to router: Router<Context>) {
        router.getAndHead("/thumbs/:\(ItemLookup.parameter)", use: thumbnail)
    }

    @Sendable func thumbnail(_ request: Request, context: Context) async throws -> Response {
        let item = try await lookup.requireItem(request, context: context)
        guard let thumbnail = item.thumbnail else {
            throw ServerError(status: .notFound, message: "this item has no thumbnail")
        }
        // A thumbnail is made once from content that never changes under this URL, so a
        // browser may keep it: scrolling back through a gallery costs no requests.
        let headers: HTTPFields = [.contentType: "image/jpeg", .cacheControl: "private, max-age=31536000, immutable"]
        return try await files.response(key: thumbnail, etag: nil, headers: headers, request: request, context: context)
    }
}
