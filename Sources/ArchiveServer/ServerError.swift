import Foundation
import Hummingbird
import MediaArchive

/// What a request got wrong, in words for the person who sent it. Encoded as
/// `{"error": {"message": …}}` like Hummingbird's own errors, in the API's language for the
/// request where the message catalogue has the words (English unless `lang` says otherwise).
struct ServerError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var sentence: Message

    init(status: HTTPResponse.Status, sentence: Message) {
        self.status = status
        self.sentence = sentence
    }

    /// A sentence the catalogue has no translation for (server trouble, a malformed item URL).
    init(status: HTTPResponse.Status, message: String) {
        self.init(status: status, sentence: .untranslated(message))
    }

    var message: String { sentence.text(in: .en) }

    static func badRequest(_ message: String) -> ServerError { ServerError(status: .badRequest, message: message) }

    static func badRequest(_ sentence: Message) -> ServerError { ServerError(status: .badRequest, sentence: sentence) }

    static func tooLarge(limit: Int64) -> ServerError {
        ServerError(status: .contentTooLarge, sentence: .uploadTooLarge(limitBytes: limit))
    }

    static let uploadCutShort = ServerError.badRequest(.uploadCutShort)

    var headers: HTTPFields { [:] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(status, message: sentence.text(in: PageLanguage.ofAPI(request))).response(from: request, context: context)
    }
}
