import Hummingbird
import MediaArchive

/// The county portal's pages are for county tokens: a browser without a login is sent to
/// `/login`; another role, and a refused request (a closed form's 409, an unknown round's 400),
/// gets a message page with the refusal's status and words, in the page's language.
struct CountyPageAccess: Sendable {
    let access: Access
    let pages: PageRenderer

    func render(_ request: Request, title: String,
                _ page: (AccessToken, Language) async throws -> Response) async throws -> Response {
        let language = PageLanguage.of(request)
        let refusal: (status: HTTPResponse.Status, sentence: Message)
        do {
            let token = try await access.forPage(request) { try await access.requireRole(.county, request) }
            return try await page(token, language)
        } catch let denied as AccessDenied {
            refusal = (denied.status, denied.sentence)
        } catch let refused as ServerError {
            refusal = (refused.status, refused.sentence)
        }
        return try pages.response(MessagePage(title: title, message: refusal.sentence.text(in: language), language: language),
                                  status: refusal.status, request: request)
    }
}
