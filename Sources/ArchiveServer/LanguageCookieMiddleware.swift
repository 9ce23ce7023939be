import Hummingbird

/// Sets the `lang` cookie on the answer to any request that carries `?lang=`, redirects and
/// error pages included, so the choice sticks whichever page it was made on.
struct LanguageCookieMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let language = PageLanguage.asked(request) else { return try await next(request, context) }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.setCookie(PageLanguage.cookie(language))
        return response
    }
}
