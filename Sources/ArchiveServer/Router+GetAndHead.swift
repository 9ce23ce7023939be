import Hummingbird

extension Router {
    /// `handler` for GET, and for HEAD the same answer without its body: the status and every
    /// header GET would send, refusals (400, 401, 404 …) included. Hummingbird answers HEAD only
    /// where a route is registered for it (its `autoGenerateHeadEndpoints` would run GET's
    /// handler whole), so the handler must itself not read what a HEAD does not send (see
    /// StoredFileResponse).
    func getAndHead(_ path: RouterPath, use handler: @escaping @Sendable (Request, Context) async throws -> Response) {
        get(path, use: handler)
        head(path) { request, context in
            do {
                return try await handler(request, context).createHeadResponse()
            } catch let error as HTTPResponseError {
                return try error.response(from: request, context: context).createHeadResponse()
            }
        }
    }
}
