/// Why a request to the store failed, in the store's own words (its `<Error><Code>`), with
/// the object it was about and what the person at the keyboard can do about it.
///
/// `catch S3Error.noSuchKey` works through `~=`, as with `Errno` in swift-system.
public struct S3Error: Error, Sendable, Equatable {
    /// The store's error code (`NoSuchKey`, `SignatureDoesNotMatch`, …), or one of this
    /// module's own for failures that never reached a reply (`.unreachable`).
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        public static let noSuchKey = Code(rawValue: "NoSuchKey")
        public static let noSuchBucket = Code(rawValue: "NoSuchBucket")
        public static let noSuchUpload = Code(rawValue: "NoSuchUpload")
        public static let signatureDoesNotMatch = Code(rawValue: "SignatureDoesNotMatch")
        public static let invalidAccessKeyID = Code(rawValue: "InvalidAccessKeyId")
        public static let accessDenied = Code(rawValue: "AccessDenied")
        public static let requestTimeTooSkewed = Code(rawValue: "RequestTimeTooSkewed")
        public static let contentHashMismatch = Code(rawValue: "XAmzContentSHA256Mismatch")
        public static let badDigest = Code(rawValue: "BadDigest")
        public static let invalidRange = Code(rawValue: "InvalidRange")
        public static let entityTooLarge = Code(rawValue: "EntityTooLarge")
        public static let entityTooSmall = Code(rawValue: "EntityTooSmall")
        public static let invalidPart = Code(rawValue: "InvalidPart")
        public static let bucketAlreadyOwnedByYou = Code(rawValue: "BucketAlreadyOwnedByYou")
        public static let quotaExceeded = Code(rawValue: "QuotaExceeded")
        public static let slowDown = Code(rawValue: "SlowDown")
        public static let serviceUnavailable = Code(rawValue: "ServiceUnavailable")
        public static let internalError = Code(rawValue: "InternalError")
        /// No reply at all: connection refused, timed out, name not found.
        public static let unreachable = Code(rawValue: "Unreachable")
        /// A reply this module could not make sense of (not S3 XML, a part missing its ETag).
        public static let unexpectedReply = Code(rawValue: "UnexpectedReply")
        /// A local file could not be read or written while moving it to or from the store.
        public static let localFile = Code(rawValue: "LocalFile")
        /// A download cut short could not be continued: the object's ETag is no longer the one
        /// the first part came with (the store's 412 to `If-Match`).
        public static let objectChanged = Code(rawValue: "ObjectChanged")
    }

    public var code: Code
    /// The store's message, or ours for the codes the store never sends.
    public var message: String
    /// What was being done: `PUT`, `GET range`, `complete multipart upload`, …
    public var operation: String
    public var bucket: String?
    public var key: String?
    /// The HTTP status, when there was a reply; 404 for a HEAD of a missing key (no body).
    public var httpStatus: Int?
    /// The store's request id (`x-amz-request-id`): quote it to the store's operators.
    public var requestID: String?

    public init(
        code: Code, message: String, operation: String, bucket: String? = nil, key: String? = nil,
        httpStatus: Int? = nil, requestID: String? = nil
    ) {
        self.code = code
        self.message = message
        self.operation = operation
        self.bucket = bucket
        self.key = key
        self.httpStatus = httpStatus
        self.requestID = requestID
    }

    public static let noSuchKey = Code.noSuchKey
    public static let noSuchBucket = Code.noSuchBucket
    public static let noSuchUpload = Code.noSuchUpload
    public static let signatureDoesNotMatch = Code.signatureDoesNotMatch
    public static let invalidAccessKeyID = Code.invalidAccessKeyID
    public static let accessDenied = Code.accessDenied
    public static let unreachable = Code.unreachable

    /// True for the failures worth trying again after a pause (throttling, a busy gateway).
    public var isTransient: Bool {
        [Code.slowDown, .serviceUnavailable, .internalError, .requestTimeTooSkewed].contains(code)
            || httpStatus.map { $0 == 503 || $0 == 500 } ?? false
    }
}

extension S3Error.Code {
    /// Lets `catch S3Error.noSuchKey` match an `S3Error` with that code.
    public static func ~= (code: S3Error.Code, error: any Error) -> Bool {
        (error as? S3Error)?.code == code
    }
}

extension S3Error: CustomStringConvertible {
    /// One line a clerk or an operator can act on:
    /// `S3 GET s3://media/3f/3fa9….mp4 failed: NoSuchKey (The specified key does not exist.) — …`
    public var description: String {
        var text = "S3 \(operation) \(target) failed: \(code)"
        if !message.isEmpty && message != code.rawValue {
            text += " (\(message))"
        }
        if let httpStatus {
            text += ", HTTP \(httpStatus)"
        }
        text += " — \(whatToDo)"
        if let requestID, !requestID.isEmpty {
            text += " [request id \(requestID)]"
        }
        return text
    }

    private var target: String {
        switch (bucket, key) {
        case let (bucket?, key?): "s3://\(bucket)/\(key)"
        case let (bucket?, nil): "s3://\(bucket)"
        default: "request"
        }
    }

    /// The advice that goes with each code; the keys and the endpoint are named by their
    /// environment variables because that is where they are set.
    public var whatToDo: String {
        switch code {
        case .noSuchKey:
            "the object is not in the store; if the catalogue lists it, run `media-archive verify` to report it missing"
        case .noSuchBucket:
            "create the bucket, or correct the bucket name in --store / MEDIA_ARCHIVE_STORE"
        case .noSuchUpload:
            "the multipart upload was completed or aborted already; start the upload again"
        case .signatureDoesNotMatch:
            "the secret key is wrong for this access key: check AWS_SECRET_ACCESS_KEY (and AWS_REGION) against the keys the store's administrator gave you"
        case .invalidAccessKeyID:
            "the store does not know this access key: check AWS_ACCESS_KEY_ID, or ask the store's administrator for a user"
        case .accessDenied:
            "this user may not do that here: ask the store's administrator for access to the bucket"
        case .requestTimeTooSkewed:
            "this machine's clock differs from the store's by more than 15 minutes: set the clock (NTP) and try again"
        case .contentHashMismatch, .badDigest:
            "the bytes changed on the way to the store; try again, and check the network if it repeats"
        case .invalidRange:
            "the byte range lies beyond the end of the object; ask for a range inside its size"
        case .entityTooLarge, .entityTooSmall, .invalidPart:
            "the upload's parts do not fit the store's rules (5 MiB minimum except the last, 5 GiB maximum, 10,000 parts); report this as a bug"
        case .quotaExceeded:
            "the store's quota for this user is full: ask its administrator for more space"
        case .slowDown, .serviceUnavailable, .internalError:
            "the store is busy or failing: wait a little and try again; if it repeats, tell its operators"
        case .unreachable:
            "no reply from the store: check that it runs and that MEDIA_ARCHIVE_S3_ENDPOINT points at it"
        case .unexpectedReply:
            "the endpoint did not answer like an S3 store: check that MEDIA_ARCHIVE_S3_ENDPOINT is the S3 address, not a web page"
        case .objectChanged:
            "the object was replaced in the store while it was being read; read it again, and run `media-archive verify` if it should not have changed"
        case .localFile:
            "check that the file exists, is readable (or its folder writable) and that the disk is not full"
        default:
            "see the store's message; if it does not help, tell the store's operators and quote the request id"
        }
    }
}
