import Foundation
import Testing
@testable import S3Store

/// One folder of the AWS SigV4 test suite, read from its files.
struct SigningTestCase: CustomTestStringConvertible {
    let name: String
    let folder: URL

    var testDescription: String { name }

    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/aws-sig-v4-test-suite")

    static var all: [SigningTestCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") }.sorted().map {
            SigningTestCase(name: $0, folder: root.appendingPathComponent($0))
        }
    }

    func text(_ file: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    struct Context: Decodable {
        struct Credentials: Decodable {
            var access_key_id: String
            var secret_access_key: String
            var token: String?
        }
        var credentials: Credentials
        var expiration_in_seconds: Int
        var region: String
        var service: String
        var sign_body: Bool
        var timestamp: String
    }

    func context() throws -> Context {
        try JSONDecoder().decode(Context.self, from: Data(try text("context.json").utf8))
    }

    func signer() throws -> SigV4Signer {
        let context = try context()
        return SigV4Signer(
            credentials: S3Credentials(
                accessKeyID: context.credentials.access_key_id,
                secretAccessKey: context.credentials.secret_access_key,
                sessionToken: context.credentials.token),
            region: context.region, service: context.service)
    }

    func date() throws -> Date {
        try require(ISO8601DateFormatter().date(from: try context().timestamp))
    }

    /// `request.txt`: `METHOD PATH?QUERY HTTP/1.1`, `Name:value` lines (a line starting with
    /// spaces continues the previous value), a blank line, the body.
    func request() throws -> (request: SignableRequest, body: String) {
        let raw = try text("request.txt")
        let (head, body) = raw.range(of: "\n\n").map { (String(raw[..<$0.lowerBound]), String(raw[$0.upperBound...])) }
            ?? (raw, "")
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ")
        let method = String(requestLine.first!)
        let target = requestLine.dropFirst().dropLast().joined(separator: " ")
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [(name: String, value: String)] = []
        if pathPart.count == 2 {
            for pair in pathPart[1].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
            }
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        return (SignableRequest(method: method, path: decode(pathPart[0]), query: query, headers: headers), body)
    }

    private func decode<S: StringProtocol>(_ text: S) -> String {
        String(text).removingPercentEncoding ?? String(text)
    }
}

extension Optional {
    struct Missing: Error {}
}

func require<T>(_ value: T?) throws -> T {
    guard let value else { throw Optional<T>.Missing() }
    return value
}
