import Crypto
import Foundation
import NIOCore
import Testing
@testable import S3Store

/// The real store these tests talk to, from the variables scripts/with-services.sh exports.
enum ContractStore {
    static let configuration = try? S3Configuration.fromEnvironment()

    static var isConfigured: Bool { configuration != nil }

    static let skipMessage: Comment =
        "S3 contract tests need a real store: run them under scripts/with-services.sh (as `make test` does), which starts a throwaway Ceph RGW and sets MEDIA_ARCHIVE_S3_ENDPOINT and the AWS_* keys"

    static func client(partSize: Int = 5 << 20) throws -> S3Client {
        var configuration = try #require(configuration)
        configuration.partSize = partSize
        return S3Client(configuration: configuration)
    }

    /// A fresh bucket per test, so tests run in parallel without seeing each other's keys.
    static func freshBucket(_ client: S3Client) async throws -> String {
        let bucket = "contract-" + UUID().uuidString.lowercased().prefix(18)
        try await client.createBucket(bucket)
        return bucket
    }

    /// Deletes every object and unfinished upload, then the bucket.
    static func remove(_ bucket: String, _ client: S3Client) async {
        if let uploads = try? await client.unfinishedUploads(bucket: bucket) {
            for upload in uploads {
                try? await client.abortMultipartUpload(uploadID: upload.uploadID, bucket: bucket, key: upload.key)
            }
        }
        do {
            for try await object in client.list(bucket: bucket) {
                try await client.delete(bucket: bucket, key: object.key)
            }
        } catch {}
        try? await client.deleteBucket(bucket)
    }

    /// Bytes that differ at every position, so a part in the wrong place shows.
    static func pattern(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("s3-contract-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }
}
