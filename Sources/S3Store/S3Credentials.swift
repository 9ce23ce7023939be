/// The keys a store hands out for one user (radosgw-admin, the AWS console, MinIO's admin).
public struct S3Credentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Only for temporary credentials (AWS STS); signed as `x-amz-security-token`.
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

extension S3Credentials: CustomStringConvertible {
    /// Never prints the secret: descriptions end up in logs and error messages.
    public var description: String { "S3Credentials(accessKeyID: \(accessKeyID))" }
}
