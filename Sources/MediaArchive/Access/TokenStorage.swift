import Foundation

/// Where the access tokens are kept (issue 14): `<archive>/tokens.json` by default; with a
/// PostgreSQL catalogue, a table there, so several servers share one list and a token revoked
/// on one stops working on all at once.
public protocol TokenStorage: Sendable {
    /// Every token, oldest first.
    func tokens() throws -> [AccessToken]
    /// Applies `change` to the list and stores the result; another process changing the list
    /// at the same time never makes a change get lost.
    func update<Value>(_ change: (inout [AccessToken]) throws -> Value) throws -> Value
}
