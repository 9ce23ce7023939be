/// A request as SigV4 sees it, before signing: the path and query in their decoded form (the
/// signer does the one encoding S3 expects) and the headers the caller wants signed.
public struct SignableRequest: Sendable, Equatable {
    public var method: String
    /// Decoded, starting with `/`: `/bucket/2024/clip 1.mp4`, not `%20`.
    public var path: String
    /// Decoded name/value pairs, in any order; a name without a value has `""`.
    public var query: [(name: String, value: String)]
    /// Every header here is signed; `host` must be among them.
    public var headers: [(name: String, value: String)]

    public init(
        method: String, path: String,
        query: [(name: String, value: String)] = [], headers: [(name: String, value: String)] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// The path and query exactly as they must go on the wire for the signature to hold.
    public var encodedPathAndQuery: String {
        let query = Self.canonicalQuery(query)
        return URIEncoding.encodePath(path) + (query.isEmpty ? "" : "?" + query)
    }

    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (URIEncoding.encode($0.name), URIEncoding.encode($0.value)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    public static func == (lhs: SignableRequest, rhs: SignableRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path
            && lhs.query.elementsEqual(rhs.query, by: ==) && lhs.headers.elementsEqual(rhs.headers, by: ==)
    }
}
