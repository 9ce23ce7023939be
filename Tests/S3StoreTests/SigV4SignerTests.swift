import Foundation
import Testing
@testable import S3Store

/// AWS's published SigV4 test suite: if any step differs by one byte, every store rejects
/// every request with SignatureDoesNotMatch.
struct SigV4SignerTests {
    @Test(arguments: SigningTestCase.all)
    func headerSigningMatchesTheSuite(_ suiteCase: SigningTestCase) throws {
        let (request, body) = try suiteCase.request()
        let context = try suiteCase.context()
        let signed = try suiteCase.signer().signHeaders(
            request, payload: .of(Array(body.utf8)), date: try suiteCase.date(), sendContentHash: context.sign_body)
        #expect(signed.signature.canonicalRequest == (try suiteCase.text("header-canonical-request.txt")))
        #expect(signed.signature.stringToSign == (try suiteCase.text("header-string-to-sign.txt")))
        #expect(signed.signature.signature == (try suiteCase.text("header-signature.txt")).trimmingCharacters(in: .whitespacesAndNewlines))
        let authorization = try #require(signed.headers.first { $0.name == "authorization" }?.value)
        #expect(authorization.hasSuffix("Signature=\(signed.signature.signature)"))
    }

    @Test(arguments: SigningTestCase.all)
    func presignedQueryMatchesTheSuite(_ suiteCase: SigningTestCase) throws {
        let (request, body) = try suiteCase.request()
        let context = try suiteCase.context()
        let signed = try suiteCase.signer().presign(
            request, payload: .of(Array(body.utf8)), date: try suiteCase.date(),
            expires: .seconds(context.expiration_in_seconds))
        #expect(signed.signature.canonicalRequest == (try suiteCase.text("query-canonical-request.txt")))
        #expect(signed.signature.stringToSign == (try suiteCase.text("query-string-to-sign.txt")))
        #expect(signed.signature.signature == (try suiteCase.text("query-signature.txt")).trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(signed.pathAndQuery.contains("X-Amz-Signature=\(signed.signature.signature)"))
    }

    struct S3Examples: Decodable {
        struct Example: Decodable {
            var name: String
            var method: String
            var path: String
            var query: [[String]]
            var headers: [[String]]
            var body: String
            var signature: String
        }
        struct Presigned: Decodable {
            var method: String
            var path: String
            var expiresSeconds: Int
            var url: String
        }
        var accessKeyID: String
        var secretAccessKey: String
        var region: String
        var timestamp: String
        var host: String
        var headerSigned: [Example]
        var presigned: Presigned
    }

    static func s3Examples() throws -> S3Examples {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/s3-documentation-examples.json")
        return try JSONDecoder().decode(S3Examples.self, from: Data(contentsOf: url))
    }

    /// The S3 documentation's examples: always `x-amz-content-sha256`, a `$` in a key
    /// encoded as `%24`, a query name without a value (`?lifecycle`).
    @Test func s3DocumentationExamplesSignAsDocumented() throws {
        let examples = try Self.s3Examples()
        let signer = SigV4Signer(
            credentials: S3Credentials(accessKeyID: examples.accessKeyID, secretAccessKey: examples.secretAccessKey),
            region: examples.region)
        let date = try #require(ISO8601DateFormatter().date(from: examples.timestamp))
        for example in examples.headerSigned {
            let request = SignableRequest(
                method: example.method, path: example.path,
                query: example.query.map { ($0[0], $0[1]) },
                headers: [("host", examples.host)] + example.headers.map { ($0[0], $0[1]) })
            let signed = signer.signHeaders(request, payload: .of(Array(example.body.utf8)), date: date)
            #expect(signed.signature.signature == example.signature, "\(example.name)")
        }
    }

    @Test func s3PresignedURLMatchesTheDocumentation() throws {
        let examples = try Self.s3Examples()
        let configuration = S3Configuration(
            endpoint: try S3Endpoint("https://\(examples.host)"), region: examples.region,
            credentials: S3Credentials(accessKeyID: examples.accessKeyID, secretAccessKey: examples.secretAccessKey))
        let client = S3Client(configuration: configuration)
        let date = try #require(ISO8601DateFormatter().date(from: examples.timestamp))
        // The documented example is virtual-hosted; with the bucket in the host, the path is
        // the key alone, which `presignedURL` gives when the bucket part is left empty.
        let request = SignableRequest(method: "GET", path: examples.presigned.path, headers: [("host", examples.host)])
        let signed = client.signer.presign(request, date: date, expires: .seconds(examples.presigned.expiresSeconds))
        #expect("https://\(examples.host)" + signed.pathAndQuery == examples.presigned.url)
    }

    @Test func pathStylePresignedURLCarriesTheBucketAndEncodedKey() throws {
        let client = S3Client(configuration: S3Configuration(
            endpoint: try S3Endpoint("http://127.0.0.1:7480"),
            credentials: S3Credentials(accessKeyID: "AKID", secretAccessKey: "secret")))
        let url = client.presignedURL(bucket: "media", key: "南乐县/objects/3f/clip 1.mp4", date: Date(timeIntervalSince1970: 0))
        #expect(url.hasPrefix("http://127.0.0.1:7480/media/%E5%8D%97%E4%B9%90%E5%8E%BF/objects/3f/clip%201.mp4?"))
        #expect(url.contains("X-Amz-Expires=3600"))
        #expect(url.contains("X-Amz-Credential=AKID%2F19700101%2Fus-east-1%2Fs3%2Faws4_request"))
    }

    @Test func credentialsNeverPrintTheSecret() {
        let credentials = S3Credentials(accessKeyID: "AKID", secretAccessKey: "very-secret")
        #expect(!"\(credentials)".contains("very-secret"))
    }
}
