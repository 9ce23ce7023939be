import Foundation
import NIOCore
import Testing
@testable import S3Store

/// What a clerk or an operator sees when something is wrong: the store's code, the object,
/// and what to do.
@Suite(.enabled(if: ContractStore.isConfigured, ContractStore.skipMessage))
struct S3ErrorContractTests {
    @Test func aWrongSecretKeySaysWhichSettingToCheck() async throws {
        var configuration = try #require(ContractStore.configuration)
        configuration.credentials.secretAccessKey += "-wrong"
        let client = S3Client(configuration: configuration)

        let error = try await #require(throws: S3Error.self) {
            try await client.put(ByteBuffer(string: "x"), bucket: "any-bucket", key: "a.mp4")
        }
        #expect(error.code == .signatureDoesNotMatch)
        #expect(error.httpStatus == 403)
        #expect("\(error)".contains("AWS_SECRET_ACCESS_KEY"), "the message names the setting to fix: \(error)")
    }

    @Test func anUnknownAccessKeySaysSo() async throws {
        var configuration = try #require(ContractStore.configuration)
        configuration.credentials.accessKeyID = "NOSUCHKEY0000000000"
        let error = try await #require(throws: S3Error.self) {
            _ = try await S3Client(configuration: configuration).head(bucket: "any-bucket", key: "a.mp4")
        }
        #expect(error.httpStatus == 403)
        #expect("\(error)".contains("AWS_ACCESS_KEY_ID") || "\(error)".contains("AWS_SECRET_ACCESS_KEY") || error.code == .accessDenied)
    }

    @Test func aMissingKeyIsNotFoundAndNamesTheObject() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }

        let getError = try await #require(throws: S3Error.self) {
            _ = try await client.getBytes(bucket: bucket, key: "objects/3f/missing.mp4")
        }
        #expect(getError.code == .noSuchKey)
        #expect("\(getError)".contains("s3://\(bucket)/objects/3f/missing.mp4"))
        #expect("\(getError)".contains("verify"))

        let headError = try await #require(throws: S3Error.self) {
            _ = try await client.head(bucket: bucket, key: "objects/3f/missing.mp4")
        }
        #expect(headError.code == .noSuchKey, "a HEAD has no body, yet its 404 still reads as a missing key")
    }

    @Test func aMissingBucketIsNamed() async throws {
        let client = try ContractStore.client()
        let error = try await #require(throws: S3Error.self) {
            _ = try await client.listPage(bucket: "no-such-bucket-\(UUID().uuidString.lowercased().prefix(8))")
        }
        #expect(error.code == .noSuchBucket)
        #expect(error.whatToDo.contains("MEDIA_ARCHIVE_STORE"))
    }

    @Test func aStoreThatIsNotThereIsUnreachableNotACrash() async throws {
        var configuration = try #require(ContractStore.configuration)
        configuration.endpoint = try S3Endpoint("http://127.0.0.1:9")
        let error = try await #require(throws: S3Error.self) {
            _ = try await S3Client(configuration: configuration).head(bucket: "media", key: "a.mp4")
        }
        #expect(error.code == .unreachable)
        #expect("\(error)".contains("MEDIA_ARCHIVE_S3_ENDPOINT"))
    }
}
