import Hummingbird
import NIOCore

/// `GET /assets/<name>` (and HEAD): the pages' style sheets and scripts, out of the binary.
/// The versioned URL pages link (`?v=` the content's hash) may be kept a year, as its bytes never
/// change; any other URL of the file (none, or an older release's `v`) is revalidated every time,
/// and a copy whose ETag still matches is answered 304 without a body.
struct AssetController<Context: RequestContext>: Sendable {
    let assets: StaticAssets

    func addRoutes(to router: Router<Context>) {
        router.getAndHead("\(StaticAssets.path)/:name", use: asset)
    }

    @Sendable func asset(_ request: Request, context: Context) async throws -> Response {
        guard let name = context.parameters.get("name"), let asset = assets.byName[name] else {
            throw ServerError(status: .notFound, message: "there is no such style sheet or script")
        }
        let versioned = request.uri.queryParameters.get("v").map { $0 == asset.version } ?? false
        var headers: HTTPFields = [
            .eTag: asset.etag,
            .cacheControl: versioned ? StaticAssets.versionedCaching : StaticAssets.unversionedCaching,
            .xContentTypeOptions: "nosniff",
        ]
        if EntityTag.ifNoneMatch(request.headers[.ifNoneMatch], matches: asset.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = asset.contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
