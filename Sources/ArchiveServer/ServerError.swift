import Foundation
import Hummingbird

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

/// Sizes for people: 1 GiB, 512 KiB, 90 bytes.
enum ByteText {
    static func describe(_ bytes: Int64) -> String {
        let units: [(Int64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
        for (size, unit) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return value == value.rounded() ? "\(Int(value)) \(unit)" : String(format: "%.1f \(unit)", value)
        }
        return "\(bytes) bytes"
    }
}
