import ArchiveServer
import Foundation
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// `/healthz` as a monitor (or the bureau's IT person with curl) sees it.
struct HealthControllerTests {
    func health(_ settings: ArchiveSettings) async throws -> (status: Int, body: [String: Any], contentType: String) {
        try await buildApplication(settings: settings).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                (Int(response.status.code),
                 (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:],
                 response.headers[.contentType] ?? "")
            }
        }
    }

    @Test func aReadableWritableArchiveIsHealthyWithTheVersionAndFolder() async throws {
        let settings = try makeSettings()
        let answer = try await health(settings)
        #expect(answer.status == 200)
        #expect(answer.body["status"] as? String == "ok")
        #expect(answer.body["version"] as? String == ArchiveVersion.current)
        #expect(answer.body["archive"] as? String == settings.root.path)
        #expect(answer.contentType.hasPrefix("application/json"), "not a page: monitors parse it")
        let left = try FileManager.default.contentsOfDirectory(atPath: settings.root.path)
        #expect(!left.contains { $0.hasPrefix(".healthz") }, "the write probe cleans up after itself")
    }

    @Test func aVanishedArchiveFolderIs503WithTheReason() async throws {
        let settings = try makeSettings()
        try FileManager.default.removeItem(at: settings.root)
        let answer = try await health(settings)
        #expect(answer.status == 503)
        #expect(answer.body["status"] as? String == "unavailable")
        let reason = try #require(answer.body["reason"] as? String)
        #expect(reason.contains(settings.root.path) && reason.contains("does not exist"))
    }

    @Test func aFileWhereTheFolderShouldBeIs503() async throws {
        let settings = try makeSettings()
        try FileManager.default.removeItem(at: settings.root)
        try Data("not a folder".utf8).write(to: settings.root)
        let answer = try await health(settings)
        #expect(answer.status == 503)
        #expect((answer.body["reason"] as? String)?.contains("is not a folder") == true)
    }

    @Test func noTokenIsNeededAndNothingOfTheArchiveIsShown() async throws {
        let office = try IngestControllerTests.Office()
        _ = try Ingester(settings: office.settings, county: try office.settings.counties.resolve("nanle"))
            .ingest(paths: [Fixtures.media("photo.jpg")])
        let answer = try await health(office.settings)
        #expect(answer.status == 200)
        #expect(Set(answer.body.keys) == ["status", "version", "archive"])
    }
}

/// The health check itself, for the cases a route test cannot make: a full disk.
struct ArchiveHealthTests {
    @Test func lessFreeSpaceThanNeededIsADiskFull() throws {
        let root = try Fixtures.temporaryFolder("health")
        let problem = ArchiveHealth(root: root, minimumFreeBytes: .max).problem()
        guard case .diskFull(let path, _, _)? = problem else {
            Issue.record("expected disk full, got \(String(describing: problem))")
            return
        }
        #expect(path == root.path)
        #expect(problem?.description.contains("is full") == true)
        #expect(ArchiveHealth(root: root).problem() == nil)
    }
}
