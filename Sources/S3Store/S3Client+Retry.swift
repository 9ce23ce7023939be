/// When a call is sent again, as the AWS SDKs do: a store that answered "busy" (5xx, SlowDown)
/// is asked again a few times; a connection that broke without a reply is tried once more, but
/// only for a call that does the same thing however often it is sent (GET, HEAD, PUT, DELETE).
/// A POST is repeated after a broken connection only where the caller made it safe
/// (`Call.repeatable`: CompleteMultipartUpload, which recognises its own earlier success).
enum RetryPolicy {
    /// Tries in all for a store that answered that it is busy or failing.
    static let attemptsWhenBusy = 3
    /// Tries in all after a connection broke (reset, closed, timed out) with no reply.
    static let attemptsWhenCut = 2
    /// Times a GET cut short is continued from the bytes received.
    static let resumesOfADownload = 3

    static func allowsAnother(_ call: S3Client.Call, after error: S3Error, attempt: Int) -> Bool {
        if error.isTransient {
            return attempt < attemptsWhenBusy
        }
        if error.code == .unreachable {
            return attempt < attemptsWhenCut && (call.method != .POST || call.repeatable)
        }
        return false
    }

    /// 100 ms, 200 ms, 400 ms …: short, because a person may be waiting on the page.
    static func pause(after attempt: Int) -> Duration {
        .milliseconds(100 << min(attempt - 1, 5))
    }
}

extension S3Client {
    /// Runs `body` (one send of `call`, and reading its reply) again as the policy allows.
    func retrying<T>(_ call: Call, _ body: () async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await body()
            } catch let error as S3Error where RetryPolicy.allowsAnother(call, after: error, attempt: attempt) {
                try await Task.sleep(for: RetryPolicy.pause(after: attempt))
                attempt += 1
            }
        }
    }
}
