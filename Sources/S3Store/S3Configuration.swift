import Foundation

/// Where the store is and how to talk to it. Path-style addressing always
/// (`http://host:port/bucket/key`), which every S3-compatible store accepts and which needs
/// no wildcard DNS.
public struct S3Configuration: Sendable {
    public var endpoint: S3Endpoint
    public var region: String
    public var credentials: S3Credentials
    /// Bytes per multipart part. S3 allows 5 MiB to 5 GiB and at most 10,000 parts; a file is
    /// never held in memory beyond `partSize × concurrentParts`.
    public var partSize: Int
    /// Parts in flight at once during an upload.
    public var concurrentParts: Int
    /// Sign each body's SHA-256 (`x-amz-content-sha256`) so the store rejects a changed byte,
    /// which matters over plain HTTP. `false` sends `UNSIGNED-PAYLOAD`, as AWS's CLI does over
    /// HTTPS, and saves one hash pass over the data.
    public var signsPayloads: Bool

    public static let minimumPartSize = 5 << 20
    public static let maximumPartSize = 5 << 30
    public static let maximumParts = 10_000

    public init(
        endpoint: S3Endpoint, region: String = "us-east-1", credentials: S3Credentials,
        partSize: Int = 16 << 20, concurrentParts: Int = 4, signsPayloads: Bool = true
    ) {
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.partSize = max(partSize, Self.minimumPartSize)
        self.concurrentParts = max(concurrentParts, 1)
        self.signsPayloads = signsPayloads
    }

    /// The variable names DESIGN.md ("Storage backends") gives: the same ones the AWS tools read,
    /// plus the endpoint, which those tools have no standard variable for.
    public enum EnvironmentKey {
        public static let endpoint = "MEDIA_ARCHIVE_S3_ENDPOINT"
        public static let accessKeyID = "AWS_ACCESS_KEY_ID"
        public static let secretAccessKey = "AWS_SECRET_ACCESS_KEY"
        public static let sessionToken = "AWS_SESSION_TOKEN"
        public static let region = "AWS_REGION"
    }

    public struct MissingSetting: Error, CustomStringConvertible {
        public var names: [String]
        public var description: String {
            "the S3 store is not configured: set \(names.joined(separator: ", ")) "
                + "(scripts/with-services.sh sets them for a throwaway Ceph RGW)"
        }
    }

    /// Reads the settings from the environment; throws naming every variable that is missing.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> S3Configuration {
        let required = [EnvironmentKey.endpoint, EnvironmentKey.accessKeyID, EnvironmentKey.secretAccessKey]
        let missing = required.filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else { throw MissingSetting(names: missing) }
        let endpoint = try S3Endpoint(environment[EnvironmentKey.endpoint]!)
        let credentials = S3Credentials(
            accessKeyID: environment[EnvironmentKey.accessKeyID]!,
            secretAccessKey: environment[EnvironmentKey.secretAccessKey]!,
            sessionToken: environment[EnvironmentKey.sessionToken].flatMap { $0.isEmpty ? nil : $0 })
        let region = environment[EnvironmentKey.region].flatMap { $0.isEmpty ? nil : $0 } ?? "us-east-1"
        return S3Configuration(endpoint: endpoint, region: region, credentials: credentials)
    }
}

/// The scheme, host and port of a store, parsed once from `http://127.0.0.1:7480`.
public struct S3Endpoint: Sendable, Equatable, CustomStringConvertible {
    public var isSecure: Bool
    public var host: String
    public var port: Int

    public struct Invalid: Error, CustomStringConvertible {
        public var text: String
        public var description: String {
            "\"\(text)\" is not an S3 endpoint: give it as http://HOST:PORT or https://HOST (e.g. http://127.0.0.1:7480), in MEDIA_ARCHIVE_S3_ENDPOINT"
        }
    }

    public init(_ text: String) throws {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.path.isEmpty || components.path == "/", components.query == nil
        else { throw Invalid(text: text) }
        isSecure = scheme == "https"
        self.host = host
        port = components.port ?? (isSecure ? 443 : 80)
    }

    /// The `Host` header, which is signed: the port only when it is not the scheme's own.
    var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return port == (isSecure ? 443 : 80) ? bracketed : "\(bracketed):\(port)"
    }

    var baseURL: String {
        "\(isSecure ? "https" : "http")://\(hostHeader)"
    }

    public var description: String { baseURL }
}
