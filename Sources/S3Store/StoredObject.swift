import Foundation

/// What the store says about one object (HEAD, GET, or a listing entry).
public struct StoredObject: Sendable, Equatable {
    public var key: String
    /// The object's full size, also for a ranged GET.
    public var size: Int64
    /// The store's ETag, without quotes. For a multipart object it is not an MD5 of the
    /// content, so never compare it with a hash of the file.
    public var etag: String
    public var lastModified: Date?
    public var contentType: String?

    public init(key: String, size: Int64, etag: String, lastModified: Date? = nil, contentType: String? = nil) {
        self.key = key
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
        self.contentType = contentType
    }
}

/// A byte range of an object, both ends included (HTTP's `Range: bytes=first-last`).
public struct ByteRange: Sendable, Equatable, CustomStringConvertible {
    public var first: Int64
    /// nil: to the end of the object.
    public var last: Int64?

    public init(first: Int64, last: Int64? = nil) {
        precondition(first >= 0 && (last ?? first) >= first, "a byte range runs forwards from 0")
        self.first = first
        self.last = last
    }

    /// `offset ..< offset + count`, the way callers usually think of it.
    public init(offset: Int64, count: Int64) {
        self.init(first: offset, last: offset + count - 1)
    }

    var headerValue: String {
        "bytes=\(first)-\(last.map(String.init) ?? "")"
    }

    public var description: String { headerValue }
}

enum S3Dates {
    /// Listings give ISO 8601 with milliseconds (`2026-12-01T21:40:00.000Z`).
    static func iso8601(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return withFraction.date(from: text) ?? ISO8601DateFormatter().date(from: text)
    }

    /// HEAD and GET give an HTTP date (`Tue, 01 Dec 2026 21:40:00 GMT`).
    static func http(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

extension String {
    /// ETags come quoted (`"9b2cf535f27731c974343645a3985328"`); the quotes are not part of them.
    var withoutQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }

    /// For the few request bodies this module writes (CompleteMultipartUpload).
    var xmlEscaped: String {
        var escaped = ""
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
