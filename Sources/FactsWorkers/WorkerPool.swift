import Foundation
import MediaArchive
import MediaFacts
#if canImport(Glibc)
import Glibc
#endif

/// Warm worker processes that read untrusted files for the server: each request goes to an idle
/// worker (waiting for one when all are busy). A worker that crashes, is killed, runs out of
/// memory or CPU, passes its deadline or answers garbage costs that one file an `UnsafeFile`
/// error; it is reaped and replaced, and `restarted` is called.
public final class WorkerPool: FactsSource, @unchecked Sendable {
    // @unchecked: every mutable field below is read and written only under `condition`'s lock.
    public struct Configuration: Sendable {
        /// The binary to run (the server's own) and the arguments that put it in worker mode.
        public var executable: String
        public var arguments: [String]
        public var size: Int
        public var limits: WorkerLimits

        public init(executable: String, arguments: [String], size: Int = 2, limits: WorkerLimits = WorkerLimits()) {
            self.executable = executable
            self.arguments = arguments
            self.size = size
            self.limits = limits
        }
    }

    public let configuration: Configuration
    private let restarted: @Sendable (_ why: String) -> Void
    private let condition = NSCondition()
    private var idle: [WorkerProcess] = []
    private var busy: [pid_t] = []
    /// Workers running or being started; below `size` when a start failed, retried on demand.
    private var running = 0
    private var stopped = false

    /// Starts `size` workers now, so the first upload does not wait for one.
    public init(_ configuration: Configuration, restarted: @escaping @Sendable (_ why: String) -> Void = { _ in }) throws {
        self.configuration = configuration
        self.restarted = restarted
        // A write to a worker that just died must be an EPIPE error, not the end of the server.
        signal(SIGPIPE, SIG_IGN)
        for _ in 0..<max(1, configuration.size) {
            do {
                idle.append(try WorkerProcess(executable: configuration.executable, arguments: workerArguments))
            } catch {
                idle.forEach { $0.stop() }
                throw UnsafeFile(detail: error.detail)
            }
            running += 1
        }
    }

    deinit {
        shutdown()
    }

    private var workerArguments: [String] { configuration.arguments + configuration.limits.arguments }

    /// Ends every worker (idle ones now; busy ones as their file is answered).
    public func shutdown() {
        condition.lock()
        stopped = true
        let ending = idle
        idle = []
        condition.unlock()
        ending.forEach { $0.stop() }
    }

    /// The process IDs of every worker alive now.
    public var processIDs: [pid_t] {
        condition.lock()
        defer { condition.unlock() }
        return busy + idle.map(\.processID)
    }

    public func facts(path: String, depth: FactsReader.Depth, reader: FactsReader) throws(UnsafeFile) -> FileFacts {
        guard case .facts(let facts) = try ask(.facts(path: path, depth: depth, reader: reader)) else {
            throw UnsafeFile(detail: "the worker answered a facts request with something else")
        }
        return facts
    }

    public func thumbnail(path: String, maker: ThumbnailMaker) throws -> ThumbnailMaker.Thumbnail {
        switch try ask(.thumbnail(path: path, maker: maker)) {
        case .thumbnail(let thumbnail): return thumbnail
        case .noThumbnail(let problem): throw problem
        case .facts: throw UnsafeFile(detail: "the worker answered a thumbnail request with facts")
        }
    }

    func ask(_ request: WorkerRequest) throws(UnsafeFile) -> WorkerAnswer {
        let payload: Data
        do { payload = try JSONEncoder().encode(request) } catch { throw UnsafeFile(detail: "the request could not be encoded: \(error)") }
        // A worker that died while idle (killed from outside, say) is noticed only when it is
        // handed a file; that file is not to blame, so it goes to the replacement. Bounded, so a
        // binary whose workers cannot start at all still gets an answer.
        for _ in 0...max(1, configuration.size) {
            let worker = try takeIdle()
            do throws(WorkerProcess.Failure) {
                return try exchange(payload, with: worker)
            } catch let failure where failure.beforeRequest {
                restarted("a worker had ended while idle: \(failure.detail)")
                giveBack(nil, replacing: worker.processID)
            } catch {
                restarted("\(request.path): \(error.detail)")
                giveBack(nil, replacing: worker.processID)
                throw UnsafeFile(detail: error.detail)
            }
        }
        throw UnsafeFile(detail: "no worker stayed alive long enough to be given the file")
    }

    /// One request to `worker`, which goes back to the idle list after a good answer. On a
    /// failure it is dead and reaped, and the caller replaces it.
    private func exchange(_ payload: Data, with worker: WorkerProcess) throws(WorkerProcess.Failure) -> WorkerAnswer {
        let seconds = configuration.limits.deadlineSeconds
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        let answer = try worker.exchange(payload, deadline: deadline, deadlineSeconds: seconds)
        guard let reply = try? JSONDecoder().decode(WorkerReply.self, from: answer) else {
            worker.stop()
            throw WorkerProcess.Failure(detail: "the worker answered garbage")
        }
        if reply.retiring {
            // Spent its lifetime CPU allowance: a planned replacement, not a restart.
            worker.stop()
            giveBack(nil, replacing: worker.processID)
        } else {
            giveBack(worker, replacing: worker.processID)
        }
        return reply.answer
    }

    /// An idle worker, marked busy; starts one when fewer than `size` are running.
    private func takeIdle() throws(UnsafeFile) -> WorkerProcess {
        condition.lock()
        while true {
            if stopped {
                condition.unlock()
                throw UnsafeFile(detail: "the server is stopping")
            }
            if let worker = idle.popLast() {
                busy.append(worker.processID)
                condition.unlock()
                return worker
            }
            if running < max(1, configuration.size) {
                running += 1
                condition.unlock()
                do {
                    let worker = try WorkerProcess(executable: configuration.executable, arguments: workerArguments)
                    condition.lock()
                    busy.append(worker.processID)
                    condition.unlock()
                    return worker
                } catch {
                    condition.lock()
                    running -= 1
                    condition.unlock()
                    throw UnsafeFile(detail: error.detail)
                }
            }
            condition.wait()
        }
    }

    /// Returns a worker to the idle list, or (nil) records that it ended and starts its
    /// replacement, so the next file finds a warm worker.
    private func giveBack(_ worker: WorkerProcess?, replacing processID: pid_t) {
        var replacement: WorkerProcess?
        if worker == nil {
            replacement = try? WorkerProcess(executable: configuration.executable, arguments: workerArguments)
        }
        condition.lock()
        busy.removeAll { $0 == processID }
        if let kept = worker ?? replacement, !stopped {
            idle.append(kept)
        } else {
            running -= 1
            (worker ?? replacement)?.stop()
        }
        condition.signal()
        condition.unlock()
    }
}
