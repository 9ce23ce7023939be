import Foundation
import NIOCore
import Testing
@testable import S3Store

/// The network breaking under a real store (Ceph RGW behind `CuttingProxy`): a download cut
/// short is continued and every byte arrives once; an object replaced in between is refused,
/// not spliced; a call whose reply was lost is sent again when that is safe.
@Suite(.enabled(if: ContractStore.isConfigured, ContractStore.skipMessage))
struct S3ResumeContractTests {
    /// A client that reaches the store only through a fresh proxy.
    static func throughProxy() throws -> (S3Client, CuttingProxy) {
        var configuration = try #require(ContractStore.configuration)
        let proxy = try CuttingProxy(upstreamHost: configuration.endpoint.host, upstreamPort: configuration.endpoint.port)
        configuration.endpoint = try S3Endpoint(proxy.endpoint)
        return (S3Client(configuration: configuration), proxy)
    }

    @Test func aDownloadCutShortIsContinuedAndEveryByteArrives() async throws {
        let direct = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(direct)
        defer { Task { await ContractStore.remove(bucket, direct) } }
        let bytes = ContractStore.pattern(6 << 20, seed: 11)
        try await direct.put(ByteBuffer(bytes: bytes), bucket: bucket, key: "clip.mp4")
        let (client, proxy) = try Self.throughProxy()
        defer { proxy.stop() }

        proxy.cutAfter(bytes: 1 << 20, times: 2)
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: target) }
        let downloaded = try await client.download(bucket: bucket, key: "clip.mp4", to: target)

        #expect(proxy.cuts == 2, "the proxy did cut the download twice")
        #expect(downloaded.bytes == Int64(bytes.count))
        #expect(downloaded.sha256 == ContractStore.sha256(bytes))
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))
        #expect(downloaded.object.size == Int64(bytes.count))
    }

    @Test func aRangedReadCutShortContinuesInsideItsRange() async throws {
        let direct = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(direct)
        defer { Task { await ContractStore.remove(bucket, direct) } }
        let bytes = ContractStore.pattern(5 << 20, seed: 12)
        try await direct.put(ByteBuffer(bytes: bytes), bucket: bucket, key: "clip.mp4")
        let (client, proxy) = try Self.throughProxy()
        defer { proxy.stop() }

        proxy.cutAfter(bytes: 300_000)
        let range = ByteRange(offset: 123_457, count: 3 << 20)
        let back = try await client.getBytes(bucket: bucket, key: "clip.mp4", range: range)
        #expect(proxy.cuts == 1)
        #expect(back == Array(bytes[123_457..<(123_457 + (3 << 20))]))
    }

    @Test func anObjectReplacedBetweenTheCutAndTheResumeIsRefusedNotSpliced() async throws {
        let direct = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(direct)
        defer { Task { await ContractStore.remove(bucket, direct) } }
        let before = ContractStore.pattern(4 << 20, seed: 13)
        let after = ContractStore.pattern(4 << 20, seed: 14)
        try await direct.put(ByteBuffer(bytes: before), bucket: bucket, key: "clip.mp4")
        let (client, proxy) = try Self.throughProxy()
        defer { proxy.stop() }

        // Runs on the proxy's own thread while the client waits for the rest of the reply.
        proxy.cutAfter(bytes: 1 << 20) {
            let replaced = DispatchSemaphore(value: 0)
            Task {
                _ = try? await direct.put(ByteBuffer(bytes: after), bucket: bucket, key: "clip.mp4")
                replaced.signal()
            }
            replaced.wait()
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("resume-\(UUID().uuidString)").path
        let error = try await #require(throws: S3Error.self) {
            _ = try await client.download(bucket: bucket, key: "clip.mp4", to: target)
        }
        #expect(error.code == .objectChanged, "\(error)")
        #expect("\(error)".contains("clip.mp4"), "the message names the object: \(error)")
        #expect(!FileManager.default.fileExists(atPath: target), "no spliced file is left behind")
        #expect(!FileManager.default.fileExists(atPath: target + ".partial"))
        #expect(try await direct.getBytes(bucket: bucket, key: "clip.mp4") == after)
    }

    @Test func aDownloadCutMoreOftenThanTheBoundFailsNamingTheKey() async throws {
        let direct = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(direct)
        defer { Task { await ContractStore.remove(bucket, direct) } }
        try await direct.put(ByteBuffer(bytes: ContractStore.pattern(2 << 20, seed: 15)), bucket: bucket, key: "clip.mp4")
        let (client, proxy) = try Self.throughProxy()
        defer { proxy.stop() }

        proxy.cutAfter(bytes: 100_000, times: 100)
        let error = try await #require(throws: S3Error.self) {
            _ = try await client.getBytes(bucket: bucket, key: "clip.mp4")
        }
        #expect(error.code == .unreachable)
        #expect("\(error)".contains("broke off"), "\(error)")
        #expect("\(error)".contains("s3://\(bucket)/clip.mp4"), "\(error)")
        #expect(proxy.cuts == 1 + RetryPolicy.resumesOfADownload, "continued a bounded number of times, then gave up")
    }

    @Test func aPutWhoseReplyWasLostIsSentAgainAndTheObjectIsThere() async throws {
        let direct = try ContractStore.client()
        let bucket = try await ContractStore.freshBucket(direct)
        defer { Task { await ContractStore.remove(bucket, direct) } }
        let (client, proxy) = try Self.throughProxy()
        defer { proxy.stop() }
        let bytes = ContractStore.pattern(200_000, seed: 16)

        proxy.cutAfter(bytes: 1)
        try await client.put(ByteBuffer(bytes: bytes), bucket: bucket, key: "form.xlsx")
        #expect(proxy.cuts == 1)
        #expect(try await direct.getBytes(bucket: bucket, key: "form.xlsx") == bytes)
    }
}
