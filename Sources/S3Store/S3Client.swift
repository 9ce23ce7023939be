import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client for one S3-compatible store: every request path-style, signed with SigV4, and
/// every failure turned into an `S3Error` that names the object and what to do.
///
/// The operations live in extensions by subject: objects, listing, multipart, files.
public struct S3Client: Sendable {
    public let configuration: S3Configuration
    let httpClient: HTTPClient
    let signer: SigV4Signer

    /// `httpClient` defaults to the process-wide shared client, which needs no shutdown.
    public init(configuration: S3Configuration, httpClient: HTTPClient = .shared) {
        self.configuration = configuration
        self.httpClient = httpClient
        signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region)
    }

    /// Replies larger than this are not S3 control replies (errors, listings) and are refused
    /// rather than read into memory.
    static let maximumReplyBytes = 16 << 20

    /// One S3 call before signing.
    struct Call: Sendable {
        var method: HTTPMethod
        var operation: String
        var bucket: String
        var key: String?
        var query: [(name: String, value: String)] = []
        var headers: [(name: String, value: String)] = []
        var body: ByteBuffer?
        /// The caller's hash of `body` when it has one already (it hashed while reading).
        var bodyHash: String?
        /// A GET of a large object or a PUT of a large part may take long; control calls not.
        var timeout: TimeAmount = .seconds(60)
        /// A POST that may be sent again after a connection broke with no reply, because the
        /// caller recognises its own earlier success (`RetryPolicy`).
        var repeatable = false

        var path: String {
            key.map { "/\(bucket)/\($0)" } ?? "/\(bucket)"
        }
    }

    /// Sends the call and returns the reply once its status says success; the body is left
    /// for the caller to stream. Failures worth a second try are retried (`RetryPolicy`):
    /// every call's body is in memory, so it can be sent again.
    func send(_ call: Call) async throws -> HTTPClientResponse {
        try await retrying(call) { try await sendOnce(call) }
    }

    /// Sends the call and reads the whole (small) reply body; a reply that breaks off is
    /// retried like a failed send.
    func sendReadingReply(_ call: Call) async throws -> [UInt8] {
        try await exchange(call).reply
    }

    /// The reply's head and whole (small) body, retried as one.
    func exchange(_ call: Call) async throws -> (response: HTTPClientResponse, reply: [UInt8]) {
        try await retrying(call) {
            let response = try await sendOnce(call)
            return (response, try await collect(response, for: call))
        }
    }

    /// Sends the call and parses its XML reply.
    func sendReadingXML(_ call: Call) async throws -> ReplyElement {
        let reply = try await sendReadingReply(call)
        do {
            return try XMLReader.parse(reply)
        } catch {
            throw unexpected(call, "\(error)")
        }
    }

    func sendOnce(_ call: Call) async throws -> HTTPClientResponse {
        var headers = call.headers
        headers.append(("host", configuration.endpoint.hostHeader))
        let payload: PayloadHash
        if let bodyHash = call.bodyHash {
            payload = .sha256(bodyHash)
        } else if !configuration.signsPayloads && call.body != nil {
            payload = .unsigned
        } else if let body = call.body {
            payload = .sha256(body.withUnsafeReadableBytes { Hex.string(SHA256Hashing.hash($0)) })
        } else {
            payload = .emptyBody
        }
        let signable = SignableRequest(method: call.method.rawValue, path: call.path, query: call.query, headers: headers)
        let signed = signer.signHeaders(signable, payload: payload, date: Date())

        var request = HTTPClientRequest(url: configuration.endpoint.baseURL + signable.encodedPathAndQuery)
        request.method = call.method
        for (name, value) in signed.headers {
            request.headers.add(name: name, value: value)
        }
        if let body = call.body {
            request.body = .bytes(body)
        } else if call.method == .PUT || call.method == .POST {
            request.headers.add(name: "content-length", value: "0")
        }

        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, timeout: call.timeout)
        } catch {
            throw S3Error(
                code: .unreachable, message: "\(error) at \(configuration.endpoint)",
                operation: call.operation, bucket: call.bucket, key: call.key)
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            throw await failure(from: response, for: call)
        }
        return response
    }

    func collect(_ response: HTTPClientResponse, for call: Call) async throws -> [UInt8] {
        do {
            let buffer = try await response.body.collect(upTo: Self.maximumReplyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as S3Error {
            throw error
        } catch {
            throw S3Error(
                code: .unreachable, message: "the reply broke off: \(error)",
                operation: call.operation, bucket: call.bucket, key: call.key)
        }
    }

    /// The store's `<Error>` reply as an `S3Error`; a HEAD has no body, so its status alone
    /// says what happened.
    private func failure(from response: HTTPClientResponse, for call: Call) async -> S3Error {
        let status = Int(response.status.code)
        let requestID = response.headers.first(name: "x-amz-request-id")
        let body = (try? await response.body.collect(upTo: Self.maximumReplyBytes)).map { Array($0.readableBytesView) } ?? []
        if let error = try? XMLReader.parse(body), error.name == "Error", let code = error["Code"] {
            return S3Error(
                code: S3Error.Code(rawValue: code), message: error["Message"] ?? "",
                operation: call.operation, bucket: call.bucket, key: error["Key"] ?? call.key,
                httpStatus: status, requestID: error["RequestId"] ?? requestID)
        }
        let code: S3Error.Code = switch status {
        case 404 where call.key != nil: .noSuchKey
        case 404: .noSuchBucket
        case 403: .accessDenied
        case 416: .invalidRange
        case 503: .serviceUnavailable
        case 500: .internalError
        default: .unexpectedReply
        }
        return S3Error(
            code: code, message: response.status.reasonPhrase, operation: call.operation,
            bucket: call.bucket, key: call.key, httpStatus: status, requestID: requestID)
    }

    func unexpected(_ call: Call, _ reason: String) -> S3Error {
        S3Error(code: .unexpectedReply, message: reason, operation: call.operation, bucket: call.bucket, key: call.key)
    }
}
