import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running worker: its process and the two pipes to it. Not Sendable: the pool hands each
/// to one thread at a time.
final class WorkerProcess {
    let processID: pid_t
    private let requests: Int32
    private let replies: Int32
    private var reaped = false

    /// Why an exchange with a worker failed; the worker is dead and reaped by then.
    struct Failure: Error {
        var detail: String
        /// The worker was gone before it got the request (it died while idle, e.g. killed from
        /// outside): the file had no part in it and may go to another worker.
        var beforeRequest = false
    }

    /// Starts `executable arguments…` with the pipes on its stdin and stdout, stderr shared with
    /// the server (its log), and nothing else: every pipe end is close-on-exec, and the worker
    /// closes whatever else it inherited before reading a file.
    init(executable: String, arguments: [String]) throws(Failure) {
        var toWorker: [Int32] = [-1, -1], fromWorker: [Int32] = [-1, -1]
        guard Self.closeOnExecPipe(&toWorker) else { throw Failure(detail: "no pipe for a worker (errno \(errno))") }
        guard Self.closeOnExecPipe(&fromWorker) else {
            close(toWorker[0]); close(toWorker[1])
            throw Failure(detail: "no pipe for a worker (errno \(errno))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toWorker[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromWorker[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The server ignores SIGPIPE and may block signals on its threads; a worker starts clean.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // glibc keeps 64 MiB of address space per malloc arena and makes one per thread up to 8
        // per core; under RLIMIT_AS that reservation, not the files, would be what runs out.
        // Swift's crash backtracer would keep a crashed worker alive for seconds (11 s measured on
        // a debug build) while the file's answer waits; the server's log says how it ended anyway.
        let workerSettings = ["MALLOC_ARENA_MAX": "2", "SWIFT_BACKTRACE": "enable=no"]
        let environment = ProcessInfo.processInfo.environment.merging(workerSettings) { _, worker in worker }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(toWorker[0])
        close(fromWorker[1])
        guard spawned == 0 else {
            close(toWorker[1]); close(fromWorker[0])
            throw Failure(detail: "cannot start a worker from \(executable) (errno \(spawned))")
        }
        processID = pid
        requests = toWorker[1]
        replies = fromWorker[0]
    }

    /// pipe2(O_CLOEXEC): the ends are never open without close-on-exec, so a worker started by
    /// another thread at the same moment cannot inherit them (and hold this worker's stdin open).
    /// pipe2 is a GNU extension Swift's Glibc module lacks; looked up like sync_file_range.
    private static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        if let symbol = dlsym(nil, "pipe2") {
            return unsafeBitCast(symbol, to: Pipe2.self)(&ends, O_CLOEXEC) == 0
        }
        guard pipe(&ends) == 0 else { return false }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    deinit {
        stop()
    }

    /// Sends one request and waits for the reply until `deadline`. Any failure kills and reaps
    /// the worker before it is reported, so the caller only has to start another.
    func exchange(_ request: Data, deadline: ContinuousClock.Instant, deadlineSeconds: Double) throws(Failure) -> Data {
        do throws(FrameIO.Failure) {
            try FrameIO.write(FrameIO.frame(request), to: requests)
        } catch {
            // EPIPE: nobody reads the worker's stdin any more, so it ended before this request.
            throw Failure(detail: stop() ?? "the worker was gone (\(error))", beforeRequest: error == .endOfFile)
        }
        do {
            return try FrameIO.read(from: replies, deadline: deadline)
        } catch .timedOut {
            stop()
            throw Failure(detail: "no answer within \(deadlineSeconds) s; the worker was killed")
        } catch .tooLarge(let length) {
            stop()
            throw Failure(detail: "the worker answered garbage (a frame of \(length) bytes)")
        } catch {
            // The worker closed its end: it died, and the status it died with says how.
            throw Failure(detail: stop() ?? "the worker stopped answering (\(error))")
        }
    }

    /// Ends the worker and reaps it; says how it ended (nil for a plain exit 0). SIGKILL whatever
    /// it is doing: a worker keeps nothing, and one stuck in a decoder would not see its stdin close.
    @discardableResult
    func stop() -> String? {
        guard !reaped else { return nil }
        close(requests)
        close(replies)
        kill(processID, SIGKILL)
        var status: Int32 = 0
        while waitpid(processID, &status, 0) < 0, errno == EINTR {}
        reaped = true
        let signal = status & 0x7f
        // Our own SIGKILL after a plain exit does not change the status it already had.
        if signal == SIGKILL { return "the worker was killed (SIGKILL: out of memory, or killed from outside)" }
        if signal == SIGXCPU { return "the worker used up its CPU time" }
        if signal != 0 { return "the worker crashed (signal \(signal))" }
        let code = (status >> 8) & 0xff
        return code == 0 ? nil : "the worker exited with status \(code)"
    }
}
