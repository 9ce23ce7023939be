import Crypto
import Foundation

/// AWS Signature Version 4 (AWS4-HMAC-SHA256), as S3 and every S3-compatible store check it.
///
/// S3 differs from the generic algorithm in one way that matters here: the path is encoded
/// once and never normalised (`//`, `.` and `..` are part of an object key), which is also
/// what the published test suite's `*-unnormalized` cases describe.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public var credentials: S3Credentials
    public var region: String
    public var service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The pieces of one signature, kept apart so that tests (and a puzzled operator reading
    /// a `SignatureDoesNotMatch` reply, which quotes the store's canonical request) can
    /// compare them step by step.
    public struct Signature: Sendable, Equatable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var signedHeaders: String
    }

    /// Signs with an `Authorization` header. Returns the headers to send: the request's own
    /// plus `x-amz-date`, `x-amz-security-token` when there is one, `x-amz-content-sha256`
    /// when `sendContentHash` (S3 requires it; the generic test suite omits it unless the
    /// body is signed) and `authorization`.
    public func signHeaders(
        _ request: SignableRequest, payload: PayloadHash, date: Date, sendContentHash: Bool = true
    ) -> (headers: [(name: String, value: String)], signature: Signature) {
        var headers = request.headers
        headers.append(("x-amz-date", Self.timestamp(date)))
        if let token = credentials.sessionToken {
            headers.append(("x-amz-security-token", token))
        }
        if sendContentHash {
            headers.append(("x-amz-content-sha256", payload.signedValue))
        }
        var signed = request
        signed.headers = headers
        let signature = sign(signed, query: request.query, payload: payload, date: date)
        let authorization = "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(date)), "
            + "SignedHeaders=\(signature.signedHeaders), Signature=\(signature.signature)"
        headers.append(("authorization", authorization))
        return (headers, signature)
    }

    /// A presigned URL's path and query: whoever holds it may make this one request until
    /// `expires` has passed, without the keys. S3 takes `expires` up to seven days.
    public func presign(
        _ request: SignableRequest, payload: PayloadHash = .unsigned, date: Date, expires: Duration
    ) -> (pathAndQuery: String, signature: Signature) {
        var query = request.query
        query.append(("X-Amz-Algorithm", Self.algorithm))
        query.append(("X-Amz-Credential", "\(credentials.accessKeyID)/\(scope(date))"))
        query.append(("X-Amz-Date", Self.timestamp(date)))
        query.append(("X-Amz-Expires", String(expires.components.seconds)))
        if let token = credentials.sessionToken {
            query.append(("X-Amz-Security-Token", token))
        }
        query.append(("X-Amz-SignedHeaders", Self.signedHeaderNames(request.headers)))
        let signature = sign(request, query: query, payload: payload, date: date)
        var signedRequest = request
        signedRequest.query = query
        // The signature goes last, outside the sorted part, as AWS's own presigned URLs have it.
        return (signedRequest.encodedPathAndQuery + "&X-Amz-Signature=\(signature.signature)", signature)
    }

    private func sign(
        _ request: SignableRequest, query: [(name: String, value: String)], payload: PayloadHash, date: Date
    ) -> Signature {
        let headers = Self.canonicalHeaders(request.headers)
        let signedHeaders = headers.map(\.name).joined(separator: ";")
        let canonicalRequest = [
            request.method,
            URIEncoding.encodePath(request.path),
            SignableRequest.canonicalQuery(query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            payload.signedValue,
        ].joined(separator: "\n")
        let stringToSign = [
            Self.algorithm,
            Self.timestamp(date),
            scope(date),
            Hex.sha256(of: Array(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let mac = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey(date))
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: Hex.string(mac), signedHeaders: signedHeaders)
    }

    /// The key is derived per day, region and service, so a leaked day key opens nothing else.
    private func signingKey(_ date: Date) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [Self.day(date), region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key))
        }
        return key
    }

    private func scope(_ date: Date) -> String {
        "\(Self.day(date))/\(region)/\(service)/aws4_request"
    }

    /// Lower-case names, sorted; values trimmed with inner runs of spaces made one; a name
    /// given twice becomes one line with the values joined by commas, in the order given.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            merged[name.lowercased(), default: []].append(collapseSpaces(value))
        }
        return merged.keys.sorted().map { ($0, merged[$0]!.joined(separator: ",")) }
    }

    static func signedHeaderNames(_ headers: [(name: String, value: String)]) -> String {
        Set(headers.map { $0.name.lowercased() }).sorted().joined(separator: ";")
    }

    private static func collapseSpaces(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }

    static func timestamp(_ date: Date) -> String {
        let c = utcComponents(date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func day(_ date: Date) -> String {
        String(timestamp(date).prefix(8))
    }

    private static func utcComponents(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }
}
