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
/// that crashes and one over its memory limit each cost that file only; one killed while idle
/// costs no file; the next upload is answered right, the restart is counted in /metrics, and no
/// process is left behind. Workers are killed and crashed from outside (SIGKILL, SIGSEGV), found
/// the way `bench/serve-workers` finds a release server's: this process's children in /proc.
/// Nested in the serialized check suite, which owns the temp folder its uploads are counted in.
extension CheckControllerTests {
    @Suite(.serialized) struct WorkerPoolTests {
        static let unsafeSentence = "the file could not be checked safely; ask for the original"

        static let binary = ChildProcess.builtBinary.path

        /// Test builds of the worker hang on a file starting with this (`WorkerTestFiles`): a worker
        /// that is busy for as long as the test needs, to pass its deadline or be signalled.
        static let hangingFile = Data("MEDIA-ARCHIVE-TEST-WORKER-HANG\n".utf8)

        func makePool(size: Int = 1, limits: WorkerLimits = WorkerLimits(), metrics: ServiceMetrics = ServiceMetrics()) throws -> WorkerPool {
            try WorkerPool(.init(executable: Self.binary, arguments: ["worker"], size: size, limits: limits)) { _ in
                metrics.workerRestarted()
            }
        }

        func liveServer(_ pool: WorkerPool, metrics: ServiceMetrics, settings: ArchiveSettings? = nil) throws -> some ApplicationProtocol {
            buildApplication(settings: try settings ?? makeSettings(), address: ServerAddress(host: "127.0.0.1", port: 0),
                             metrics: metrics, logLevel: .warning, facts: pool)
        }

        /// `POST /api/ingest` for qingfeng with a clerk's token; the receipts.
        func ingest(_ client: some TestClientProtocol, _ upload: MultipartUpload, as clerk: String) async throws -> [[String: Any]] {
            try await client.execute(uri: "/api/ingest?county=qingfeng", method: .post,
                                     headers: IngestControllerTests.bearer(clerk) + upload.headers, body: upload.body) { response in
                #expect(response.status == .ok)
                return try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]] ?? []
            }
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

        /// The worker stuck on the hanging file, found from outside; waits for it (the upload is
        /// still arriving). It must be one of the pool's.
        func stuckWorker(_ pool: WorkerPool) async throws -> pid_t {
            for _ in 0..<400 {
                if let pid = OutsideWorkers.of(getpid()).first(where: OutsideWorkers.isStuckOnTheHangingFile) {
                    #expect(pool.processIDs.contains(pid))
                    return pid
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw CancellationError()
        }

        /// Uploads the hanging file and, once its worker is stuck on it, sends that worker `signal`.
        func checkSignalled(_ client: some TestClientProtocol, _ pool: WorkerPool, with signal: Int32, as name: String) async throws -> (answer: [String: Any], worker: pid_t) {
            async let answer = check(client, Self.hangingFile, as: name)
            let worker = try await stuckWorker(pool)
            #expect(kill(worker, signal) == 0)
            return (try await answer, worker)
        }

        @Test func aWorkerKilledMidCheckCostsThatFileOnly() async throws {
            let metrics = ServiceMetrics()
            let pool = try makePool(metrics: metrics)
            defer { pool.shutdown() }
            let killed = try await liveServer(pool, metrics: metrics).test(.live) { client in
                let (object, killed) = try await checkSignalled(client, pool, with: SIGKILL, as: "stuck.mp4")
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
                    let (object, _) = try await checkSignalled(client, pool, with: SIGSEGV, as: "crash-\(round).mp4")
                    #expect(object["verdict"] as? String == "error")
                    #expect(object["reasons"] as? [String] == [Self.unsafeSentence])
                    try await expectStillAnswering(client)
                }
                #expect(try await restarts(client) == 3)
            }
            #expect(pool.processIDs.count == 2)
            #expect(zombieChildren().isEmpty)
        }

        /// A worker killed while it waits for work had no file: the next upload goes to its
        /// replacement and is answered right, not with the unsafe-file error.
        @Test func aWorkerKilledWhileIdleCostsNoFile() async throws {
            let metrics = ServiceMetrics()
            let pool = try makePool(metrics: metrics)
            defer { pool.shutdown() }
            _ = try restingAddressSpace(of: pool)
            let idle = try #require(OutsideWorkers.of(getpid()).first { pool.processIDs.contains($0) })
            // It has sent its answer; it is back in its pipe read a moment later.
            for _ in 0..<250 where !OutsideWorkers.isWaitingForWork(idle) { try await Task.sleep(for: .milliseconds(20)) }
            #expect(OutsideWorkers.isWaitingForWork(idle), "waiting for work: \(OutsideWorkers.waitingIn(idle))")
            #expect(kill(idle, SIGKILL) == 0)
            for _ in 0..<100 where OutsideWorkers.state(idle) != "Z" { try await Task.sleep(for: .milliseconds(20)) }
            try await liveServer(pool, metrics: metrics).test(.live) { client in
                try await expectStillAnswering(client)
                #expect(try await restarts(client) == 1, "the dead worker is counted and replaced")
            }
            #expect(!processExists(idle) && pool.processIDs.count == 1)
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

        /// Web ingest goes through the workers too: a file whose worker crashes (SIGSEGV from
        /// outside while it is stuck on it) is rejected with the unsafe-file error and nothing of
        /// it is stored; the photo beside it is stored with its thumbnail, made by the replacement.
        @Test func webIngestChecksAndThumbnailsInWorkers() async throws {
            let office = try IngestControllerTests.Office()
            let metrics = ServiceMetrics()
            let pool = try makePool(metrics: metrics)
            defer { pool.shutdown() }
            let photo = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
            let upload = MultipartUpload(files: [("crash.jpg", Self.hangingFile), ("开幕式.jpg", photo)])
            try await liveServer(pool, metrics: metrics, settings: office.settings).test(.live) { client in
                async let answer = ingest(client, upload, as: office.clerk)
                #expect(kill(try await stuckWorker(pool), SIGSEGV) == 0)
                let receipts = try await answer
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

        /// A photo checked and stored, whose thumbnail's worker dies (the test file hangs only the
        /// thumbnail; it is killed from outside): the thumbnail is tried once more on the
        /// replacement; when that dies too the photo stays stored, without a thumbnail, and the
        /// search page shows its tile as a photo without one (no broken image).
        @Test func aThumbnailWorkerDyingAfterStoringIsRetriedOnceThenTheItemIsKeptWithoutOne() async throws {
            let office = try IngestControllerTests.Office()
            let metrics = ServiceMetrics()
            let pool = try makePool(metrics: metrics)
            defer { pool.shutdown() }
            let upload = MultipartUpload(files: [("开幕式.jpg", try Self.photoHangingItsThumbnail())])
            try await liveServer(pool, metrics: metrics, settings: office.settings).test(.live) { client in
                async let answer = ingest(client, upload, as: office.clerk)
                let first = try await stuckWorker(pool)
                #expect(kill(first, SIGKILL) == 0)
                var second = try await stuckWorker(pool)
                for _ in 0..<100 where second == first {
                    try await Task.sleep(for: .milliseconds(50))
                    second = try await stuckWorker(pool)
                }
                #expect(second != first, "the thumbnail was tried again, on the replacement")
                #expect(kill(second, SIGSEGV) == 0)
                let receipts = try await answer
                #expect(receipts.map { $0["status"] as? String } == ["stored"])
                #expect(try await restarts(client) == 2)
                let page = try await client.execute(uri: "/search?county=qingfeng", method: .get, headers: IngestControllerTests.bearer(office.clerk)) { response in
                    String(buffer: response.body)
                }
                #expect(page.contains("开幕式.jpg") && !page.contains("/thumbs/"), "a tile without a thumbnail link")
            }
            let entries = try office.entries
            #expect(entries.map(\.originalNames) == [["开幕式.jpg"]])
            #expect(entries.first?.thumbnail == nil)
            #expect(zombieChildren().isEmpty)
        }

        /// The fixture photo with a JPEG comment right after its start marker that carries
        /// `WorkerTestFiles.thumbnailHangMarker`: still a valid photo.
        static func photoHangingItsThumbnail() throws -> Data {
            let photo = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("photo.jpg")))
            let marker = Data("MEDIA-ARCHIVE-TEST-THUMBNAIL-HANG".utf8)
            let length = marker.count + 2
            return photo.prefix(2) + Data([0xFF, 0xFE, UInt8(length >> 8), UInt8(length & 0xFF)]) + marker + photo.dropFirst(2)
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

/// Worker processes as anyone on the machine sees them: a server's children (every thread's, as
/// workers are started from whichever thread needed one) whose arguments are `… worker …`.
enum OutsideWorkers {
    static func of(_ server: pid_t) -> [pid_t] {
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(server)/task")) ?? []
        return threads.flatMap { thread in
            ((try? String(contentsOfFile: "/proc/\(server)/task/\(thread)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { pid_t($0) }
        }.filter { pid in
            let arguments = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            return arguments.split(separator: 0).dropFirst().first == Data("worker".utf8)
        }
    }

    /// The kernel function each of the worker's threads waits in. The thread that reads requests
    /// waits in `…pipe_read` between files; the one watching for the server's end sleeps.
    static func waitingIn(_ pid: pid_t) -> [String] {
        let threads = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return threads.map { (try? String(contentsOfFile: "/proc/\(pid)/task/\($0)/wchan", encoding: .utf8)) ?? "" }
    }

    static func isWaitingForWork(_ pid: pid_t) -> Bool {
        waitingIn(pid).contains { $0.hasSuffix("pipe_read") }
    }

    /// Not reading requests, and asleep in two threads: the parent watch and the hang on the
    /// test file (a worker starting up or decoding has at most the one).
    static func isStuckOnTheHangingFile(_ pid: pid_t) -> Bool {
        let waits = waitingIn(pid)
        return !waits.contains { $0.hasSuffix("pipe_read") } && waits.filter { $0.contains("nanosleep") }.count >= 2
    }

    static func state(_ pid: pid_t) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
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
