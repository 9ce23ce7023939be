import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
@testable import S3Store

/// The S3 operations the archive relies on, against a real store (Ceph RGW under
/// scripts/with-services.sh): what goes in comes back byte for byte.
@Suite(.enabled(if: ContractStore.isConfigured, ContractStore.skipMessage))
struct S3ObjectContractTests {
    @Test func aSmallFileComesBackByteExactWithItsHash() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        let bytes = ContractStore.pattern(100_000)
        let file = try ContractStore.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }

        let uploaded = try await client.upload(file: file.path, bucket: bucket, key: "南乐县/objects/ab/clip 1.mp4", contentType: "video/mp4")
        #expect(uploaded.parts == 1)
        #expect(uploaded.size == 100_000)
        #expect(uploaded.sha256 == ContractStore.sha256(bytes))

        let back = try await client.getBytes(bucket: bucket, key: "南乐县/objects/ab/clip 1.mp4")
        #expect(back == bytes)
        let head = try await client.head(bucket: bucket, key: "南乐县/objects/ab/clip 1.mp4")
        #expect(head.size == 100_000)
        #expect(head.contentType == "video/mp4")
    }

    @Test func aMultipartUploadOf12MiBIn5MiBPartsComesBackByteExact() async throws {
        let client = try ContractStore.client(partSize: 5 << 20)
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        let bytes = ContractStore.pattern(12 << 20, seed: 7)
        let file = try ContractStore.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }

        let uploaded = try await client.upload(file: file.path, bucket: bucket, key: "big.mp4")
        #expect(uploaded.parts == 3)
        #expect(uploaded.sha256 == ContractStore.sha256(bytes))
        #expect(try await client.head(bucket: bucket, key: "big.mp4").size == Int64(12 << 20))

        let target = file.path + ".back"
        defer { try? FileManager.default.removeItem(atPath: target) }
        let downloaded = try await client.download(bucket: bucket, key: "big.mp4", to: target)
        #expect(downloaded.sha256 == uploaded.sha256)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
        #expect(try await client.unfinishedUploads(bucket: bucket).isEmpty, "a completed upload leaves nothing unfinished")
    }

    @Test func aRangedGetReturnsExactlyThoseBytes() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        let bytes = ContractStore.pattern(10_000, seed: 3)
        try await client.put(ByteBuffer(bytes: bytes), bucket: bucket, key: "clip.mp4")

        #expect(try await client.getBytes(bucket: bucket, key: "clip.mp4", range: ByteRange(offset: 1000, count: 24)) == Array(bytes[1000..<1024]))
        #expect(try await client.getBytes(bucket: bucket, key: "clip.mp4", range: ByteRange(first: 9990)) == Array(bytes[9990...]))

        let target = FileManager.default.temporaryDirectory.appendingPathComponent("s3-range-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: target) }
        let downloaded = try await client.download(bucket: bucket, key: "clip.mp4", range: ByteRange(first: 0, last: 4095), to: target)
        #expect(downloaded.bytes == 4096)
        #expect(downloaded.object.size == 10_000, "the object's full size, not the range's")
        #expect(downloaded.sha256 == ContractStore.sha256(Array(bytes[0..<4096])))
    }

    @Test func listingFollowsContinuationAndKeepsToThePrefix() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        let keys = (1...7).map { "county-a/objects/\($0).mp4" }
        for key in keys + ["county-b/objects/1.mp4", "county-b/objects/2.mp4"] {
            try await client.put(ByteBuffer(string: key), bucket: bucket, key: key)
        }

        let firstPage = try await client.listPage(bucket: bucket, prefix: "county-a/", maximumKeys: 3)
        #expect(firstPage.objects.count == 3)
        #expect(firstPage.nextContinuationToken != nil)

        var listed: [String] = []
        for try await object in client.list(bucket: bucket, prefix: "county-a/", pageSize: 3) {
            listed.append(object.key)
            #expect(object.size == Int64(object.key.utf8.count))
        }
        #expect(listed == keys.sorted())
    }

    @Test func copyHappensInTheStoreAndCopiesEveryByte() async throws {
        let client = try ContractStore.client(partSize: 5 << 20)
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        let bytes = ContractStore.pattern(12 << 20, seed: 11)
        try await client.put(ByteBuffer(bytes: bytes), bucket: bucket, key: "staging/upload-1")

        try await client.copy(bucket: bucket, from: "staging/upload-1", to: "objects/3f/3fa9.mp4")
        #expect(ContractStore.sha256(try await client.getBytes(bucket: bucket, key: "objects/3f/3fa9.mp4")) == ContractStore.sha256(bytes))

        // The path taken for objects over 5 GiB, exercised here on 12 MiB in 5 MiB parts.
        try await client.multipartCopy(bucket: bucket, from: "staging/upload-1", sourceBucket: bucket, size: Int64(bytes.count), to: "objects/by-parts.mp4")
        #expect(ContractStore.sha256(try await client.getBytes(bucket: bucket, key: "objects/by-parts.mp4")) == ContractStore.sha256(bytes))

        await #expect(throws: S3Error.self) {
            try await client.copy(bucket: bucket, from: "staging/never-uploaded", to: "objects/x.mp4")
        }
    }

    @Test func aDeletedKeyIsGoneAndDeletingAgainIsHarmless() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        try await client.put(ByteBuffer(string: "x"), bucket: bucket, key: "staging/crashed")
        #expect(try await client.exists(bucket: bucket, key: "staging/crashed"))

        try await client.delete(bucket: bucket, key: "staging/crashed")
        #expect(try await !client.exists(bucket: bucket, key: "staging/crashed"))
        try await client.delete(bucket: bucket, key: "staging/crashed")
    }

    @Test func anUnfinishedMultipartUploadIsListedAndCanBeAborted() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        // What a crash between two parts leaves behind.
        let uploadID = try await client.startMultipartUpload(bucket: bucket, key: "staging/interrupted")
        _ = try await client.uploadPart(ByteBuffer(bytes: ContractStore.pattern(5 << 20)), number: 1, uploadID: uploadID, bucket: bucket, key: "staging/interrupted")

        let unfinished = try await client.unfinishedUploads(bucket: bucket, prefix: "staging/")
        #expect(unfinished.map(\.key) == ["staging/interrupted"])
        #expect(unfinished.first?.uploadID == uploadID)

        try await client.abortMultipartUpload(uploadID: uploadID, bucket: bucket, key: "staging/interrupted")
        #expect(try await client.unfinishedUploads(bucket: bucket).isEmpty)
        #expect(try await !client.exists(bucket: bucket, key: "staging/interrupted"))
    }

    @Test func aPresignedURLWorksWithoutTheKeys() async throws {
        let client = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(client)
        defer { Task { await ContractStore.remove(bucket, client) } }
        try await client.put(ByteBuffer(string: "gallery frame"), bucket: bucket, key: "thumbs/a b.jpg")

        let url = client.presignedURL(bucket: bucket, key: "thumbs/a b.jpg", expires: .seconds(60))
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        #expect(response.status == .ok)
        #expect(String(buffer: try await response.body.collect(upTo: 1 << 20)) == "gallery frame")
    }
}
