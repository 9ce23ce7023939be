import ArchiveServer
import FactsWorkers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import MediaFacts
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Uploads read in worker processes (issue 12, item 5): the server on a real socket with a real
/// pool of `media-archive worker` processes. A worker killed mid-check, one past its deadline, one
/// that crashes and one over its memory limit each cost that file only; the next upload is
/// answered right, the restart is counted in /metrics, and no process is left behind. Nested in
/// the serialized check suite, which owns the temp folder its uploads are counted in.
extension CheckControllerTests {
    @Suite(.serialized) struct WorkerPoolTests {
        static let unsafeSentence = "the file could not be checked safely; ask for the original"

        /// The binary SwiftPM built beside the test bundle (a debug build: its test files work).
        static let binary: String = {
            let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("media-archive")
            if let beside, FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
            return Fixtures.packageRoot.appendingPathComponent(".build/debug/media-archive").path
        }()

        /// Test builds of the worker hang or crash on files starting with these (`WorkerTestFiles`).
        static let hangingFile = Data("MEDIA-ARCHIVE-TEST-WORKER-HANG\n".utf8)
        static let crashingFile = Data("MEDIA-ARCHIVE-TEST-WORKER-CRASH\n".utf8)

        func makePool(size: Int = 1, limits: WorkerLimits = WorkerLimits(), metrics: ServiceMetrics = ServiceMetrics()) throws -> WorkerPool {
            try WorkerPool(.init(executable: Self.binary, arguments: ["worker"], size: size, limits: limits)) { _ in
                metrics.workerRestarted()
            }
        }

        func liveServer(_ pool: WorkerPool, metrics: ServiceMetrics) throws -> some ApplicationProtocol {
            buildApplication(settings: try makeSettings(), address: ServerAddress(host: "127.0.0.1", port: 0),
                             metrics: metrics, logLevel: .warning, facts: pool)
        }

        func check(_ client: some TestClientProtocol, _ contents: Data, as name: String, query: String = "") async throws -> [String: Any] {
            let upload = MultipartUpload(fileName: name, contents: contents)
            return try await client.execute(uri: "/api/check" + query, method: .post, headers: upload.headers, body: upload.body) { response in
                #expect(response.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any] ?? [:]
            }
        }

        func restarts(_ client: some TestClientProtocol) async throws -> Double? {
            try await client.execute(uri: "/metrics", method: .get) { response in
                String(buffer: response.body).split(separator: "\n").first { $0.hasPrefix("media_archive_worker_restarts_total") }
                    .flatMap { Double($0.split(separator: " ").last ?? "") }
            }
        }

        /// After a failure the server still checks a real upload right: the 3:01 clip fails by 1 s.
        func expectStillAnswering(_ client: some TestClientProtocol) async throws {
            let clip = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("clip-181s.mp4")))
            let next = try await check(client, clip, as: "next.mp4", query: "?thumbnail=1")
            #expect(next["verdict"] as? String == "fail")
            #expect((next["reasons"] as? [String])?.first?.contains("1 s over") == true, "got \(next["reasons"] ?? "nothing")")
            #expect((next["thumbnail"] as? String)?.hasPrefix("data:image/jpeg;base64,") == true)
        }

        /// A worker that is reading a file right now; waits for one (the upload is still arriving).
        func busyWorker(_ pool: WorkerPool) async throws -> pid_t {
            for _ in 0..<400 {
                if let pid = pool.busyProcessIDs.first { return pid }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw CancellationError()
        }

        @Test func aWorkerKilledMidCheckCostsThatFileOnly() async throws {
            let metrics = ServiceMetrics()
            let pool = try makePool(metrics: metrics)
            defer { pool.shutdown() }
            let killed = try await liveServer(pool, metrics: metrics).test(.live) { client in
                async let answer = check(client, Self.hangingFile, as: "stuck.mp4")
                let killed = try await busyWorker(pool)
                #expect(kill(killed, SIGKILL) == 0)
                let object = try await answer
                #expect(object["verdict"] as? String == "error")
                #expect(object["path"] as? String == "stuck.mp4")
                #expect(object["reasons"] as? [String] == [Self.unsafeSentence])
                try await expectStillAnswering(client)
                #expect(try await restarts(client) == 1)
                return killed
            }
            #expect(!processExists(killed), "the killed worker is reaped")
            #expect(pool.processIDs.count == 1 && pool.processIDs.first != killed, "a fresh worker took its place")
            #expect(zombieChildren().isEmpty)
        }

        @Test func aWorkerPastItsDeadlineIsKilledAndTheReaderIsToldInChinese() async throws {
            let metrics = ServiceMetrics()
            let pool = try makePool(limits: WorkerLimits(deadlineSeconds: 1.5), metrics: metrics)
            defer { pool.shutdown() }
            let before = pool.processIDs
            try await liveServer(pool, metrics: metrics).test(.live) { client in
                let started = ContinuousClock.now
                let object = try await check(client, Self.hangingFile, as: "挂起.mp4", query: "?lang=zh")
                #expect(ContinuousClock.now - started < .seconds(30), "answered at the deadline, not never")
                #expect(object["verdict"] as? String == "error")
                #expect(object["reasons"] as? [String] == ["无法安全地检查这个文件；请索取原始文件"])
                try await expectStillAnswering(client)
                #expect(try await restarts(client) == 1)
            }
            #expect(before.allSatisfy { !processExists($0) }, "the hung worker is gone")
            #expect(zombieChildren().isEmpty)
        }

        @Test func aCrashingWorkerIsReplacedAndEveryOtherFileStillChecks() async throws {
            let metrics = ServiceMetrics()
            let pool = try makePool(size: 2, metrics: metrics)
            defer { pool.shutdown() }
            try await liveServer(pool, metrics: metrics).test(.live) { client in
                for round in 1...3 {
                    let object = try await check(client, Self.crashingFile, as: "crash-\(round).mp4")
                    #expect(object["verdict"] as? String == "error")
                    #expect(object["reasons"] as? [String] == [Self.unsafeSentence])
                    try await expectStillAnswering(client)
                }
                #expect(try await restarts(client) == 3)
            }
            #expect(pool.processIDs.count == 2)
            #expect(zombieChildren().isEmpty)
        }

        /// The corpus's 10-bit AVIF needs ~0.5 GiB of address space to decode beyond what a worker
        /// maps at rest. Under a limit 64 MiB above the resting size libheif's allocation fails: the
        /// file gets no thumbnail (or, should the failure take the worker down, the unsafe-file
        /// error), and the next upload is answered as ever. Under the default limit it gets its thumbnail.
        @Test(.enabled(if: Fixtures.corpus != nil, Comment(rawValue: Fixtures.corpusMissingNote)))
        func aPhotoOverTheMemoryLimitCostsOnlyItsThumbnail() async throws {
            let corpus = try #require(Fixtures.corpus)
            let photo = try Data(contentsOf: corpus.appendingPathComponent("photos/immich/formats/avif/10bit-HDR-P3-nclx.avif"))
            let roomy = try makePool()
            let resting = try restingAddressSpace(of: roomy)
            defer { roomy.shutdown() }
            let metrics = ServiceMetrics()
            let tight = try makePool(limits: WorkerLimits(addressSpaceBytes: resting + (64 << 20)), metrics: metrics)
            defer { tight.shutdown() }
            try await liveServer(roomy, metrics: ServiceMetrics()).test(.live) { client in
                let object = try await check(client, photo, as: "hdr.avif", query: "?thumbnail=1")
                #expect(object["verdict"] as? String == "pass")
                #expect((object["thumbnail"] as? String)?.hasPrefix("data:image/jpeg;base64,") == true)
            }
            try await liveServer(tight, metrics: metrics).test(.live) { client in
                let object = try await check(client, photo, as: "hdr.avif", query: "?thumbnail=1")
                #expect(object["thumbnail"] is NSNull || object["thumbnail"] == nil)
                let crashed = object["verdict"] as? String == "error"
                if crashed { #expect(object["reasons"] as? [String] == [Self.unsafeSentence]) } else { #expect(object["verdict"] as? String == "pass") }
                // The check itself reads only the header, which fits.
                let small = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
                let next = try await check(client, small, as: "small.jpg", query: "?thumbnail=1")
                #expect(next["verdict"] as? String == "pass")
                #expect((next["thumbnail"] as? String)?.hasPrefix("data:image/jpeg;base64,") == true)
                #expect(try await restarts(client) == (crashed ? 1 : 0))
            }
            #expect(zombieChildren().isEmpty)
        }

        /// Web ingest goes through the workers too: a file that crashes its worker is rejected with
        /// the unsafe-file error and nothing of it is stored; the photo beside it is stored with its
        /// thumbnail, made by the replacement worker.
        @Test func webIngestChecksAndThumbnailsInWorkers() async throws {
            let office = try IngestControllerTests.Office()
            let metrics = ServiceMetrics()
            let pool = try makePool(metrics: metrics)
            defer { pool.shutdown() }
            let photo = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
            let upload = MultipartUpload(files: [("crash.jpg", Self.crashingFile), ("开幕式.jpg", photo)])
            let headers = IngestControllerTests.bearer(office.clerk) + upload.headers
            let app = buildApplication(settings: office.settings, address: ServerAddress(host: "127.0.0.1", port: 0),
                                       metrics: metrics, logLevel: .warning, facts: pool)
            try await app.test(.live) { client in
                let receipts = try await client.execute(uri: "/api/ingest?county=qingfeng", method: .post, headers: headers, body: upload.body) { response in
                    #expect(response.status == .ok)
                    return try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]] ?? []
                }
                #expect(receipts.count == 2)
                #expect(receipts.first?["status"] as? String == "rejected")
                #expect(receipts.first?["reasons"] as? [String] == [Self.unsafeSentence])
                #expect(receipts.last?["status"] as? String == "stored")
                #expect(try await restarts(client) == 1)
            }
            let entries = try office.entries
            #expect(entries.map(\.originalNames) == [["开幕式.jpg"]])
            #expect(entries.first?.thumbnail != nil, "the replacement worker made the thumbnail")
            #expect(zombieChildren().isEmpty)
        }

        /// Every corpus file and fixture: the same verdict, reasons, warnings and facts through a
        /// worker as in process (JSON compared whole).
        @Test func verdictsThroughWorkersEqualTheVerdictsInProcess() throws {
            let pool = try makePool(size: 2)
            defer { pool.shutdown() }
            var files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.appendingPathComponent("media").path)
                .map(Fixtures.media)
            if let corpus = Fixtures.corpus {
                for folder in ["photos", "videos"] {
                    let root = corpus.appendingPathComponent(folder)
                    let walker = FileManager.default.enumerator(atPath: root.path)
                    while let name = walker?.nextObject() as? String {
                        let path = root.appendingPathComponent(name).path
                        var isFolder: ObjCBool = false
                        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue { files.append(path) }
                    }
                }
            }
            #expect(files.count > 30)
            let policy = try makeSettings().policy
            let local = Inspector(checker: SubmissionChecker(policy: policy))
            let workers = Inspector(checker: SubmissionChecker(policy: policy, source: pool))
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            var differing: [String] = []
            for path in files {
                let here = try encoder.encode(local.inspect(path: path))
                let there = try encoder.encode(workers.inspect(path: path))
                if here != there { differing.append(path) }
                let thumbnailHere = try? InProcessFacts().thumbnail(path: path, maker: ThumbnailMaker())
                let thumbnailThere = try? pool.thumbnail(path: path, maker: ThumbnailMaker())
                if thumbnailHere?.jpeg != thumbnailThere?.jpeg { differing.append(path + " (thumbnail)") }
            }
            #expect(differing.isEmpty, "differ through a worker: \(differing)")
        }

        @Test func workersEndWithThePoolAndHoldNoDescriptorButTheirPipes() throws {
            let pool = try makePool(size: 1)
            // Once it has answered, it has set itself up.
            _ = try restingAddressSpace(of: pool)
            let workers = pool.processIDs
            #expect(workers.count == 1)
            for pid in workers {
                // stdin, stdout, stderr, the two pipes moved off 0 and 1; nothing of the test process.
                let open = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap { Int($0) }.sorted()
                #expect(open == [0, 1, 2, 3, 4], "worker \(pid) holds \(open)")
            }
            pool.shutdown()
            #expect(workers.allSatisfy { !processExists($0) })
            #expect(zombieChildren().isEmpty)
        }

        @Test func aWorkerLimitsItselfBeforeItReadsAnything() throws {
            let pool = try makePool(limits: WorkerLimits(cpuSecondsPerFile: 7, addressSpaceBytes: 1 << 30))
            defer { pool.shutdown() }
            _ = try restingAddressSpace(of: pool)
            let pid = try #require(pool.processIDs.first)
            let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
            func line(_ name: String) -> [Substring] {
                (limits.split(separator: "\n").first { $0.hasPrefix(name) } ?? "").split(separator: " ", omittingEmptySubsequences: true)
            }
            #expect(line("Max address space").suffix(3).prefix(2) == ["1073741824", "1073741824"])
            #expect(line("Max core file size").suffix(3).prefix(2) == ["0", "0"])
            // Soft: what it has used (rounded up) plus one file's 7 s; hard: its lifetime allowance.
            let cpu = line("Max cpu time").suffix(3).prefix(2).compactMap { Int($0) }
            #expect(cpu.count == 2 && (7...9).contains(cpu[0]) && cpu[1] == 700, "got \(cpu)")
        }

        /// A worker's address space after one small check: what it maps at rest.
        func restingAddressSpace(of pool: WorkerPool) throws -> Int {
            _ = try pool.facts(path: Fixtures.media("photo.jpg"), depth: .check, reader: FactsReader(assumedZone: .current))
            let pid = try #require(pool.processIDs.first)
            let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
            let peak = status.split(separator: "\n").first { $0.hasPrefix("VmPeak:") }?.split(separator: " ").dropFirst().first
            return try #require(peak.flatMap { Int($0) }) * 1024
        }
    }
}

/// Whether a process with this ID exists at all (a zombie would still count).
func processExists(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno != ESRCH
}

/// This test process's children that have ended and not been reaped.
func zombieChildren() -> [pid_t] {
    let me = getpid()
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { Int32($0) }.filter { pid in
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 && fields[0] == "Z" && Int32(fields[1]) == me
    }
}
