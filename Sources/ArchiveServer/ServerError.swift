import Foundation
import Hummingbird
import MediaArchive

/// What a request got wrong, in words for the person who sent it. Encoded as
/// `{"error": {"message": …}}` like Hummingbird's own errors.
struct ServerError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    static func badRequest(_ message: String) -> ServerError { ServerError(status: .badRequest, message: message) }

    static func tooLarge(limit: Int64) -> ServerError {
        ServerError(status: .contentTooLarge,
                    message: "the file is larger than the \(ByteText.describe(limit)) limit; send a smaller copy")
    }

    /// The body ended before the whole upload arrived: the sender went away or was cut off.
    static let uploadCutShort = ServerError.badRequest("the upload stopped before the whole file arrived; send it again")

    var headers: HTTPFields { [:] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(status, message: message).response(from: request, context: context)
    }
}
