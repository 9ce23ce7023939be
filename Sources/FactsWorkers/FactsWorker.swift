import Foundation
import MediaFacts
#if canImport(Glibc)
import Glibc
#endif

/// The worker side: `media-archive worker` runs this. It limits itself before it touches any
/// file, then answers one request at a time from stdin to stdout until stdin ends (the server
/// closed it, or died).
public enum FactsWorker {
    public static func serve(limits: WorkerLimits) -> Never {
        let (requests, replies) = takePipes()
        dieWithParent()
        // Loaded before the limits: FFmpeg's libraries would otherwise count against the address
        // space a file may use, and load at the first video instead of once per worker.
        _ = MediaLibraries.loadNow()
        limit(limits)
        while true {
            let payload: Data
            do {
                payload = try FrameIO.read(from: requests, deadline: nil)
            } catch {
                // End of stdin is the server saying "stop"; anything else is no way to go on.
                exit(error == .endOfFile ? 0 : 3)
            }
            guard let request = try? JSONDecoder().decode(WorkerRequest.self, from: payload) else { exit(4) }
            allowOneMoreFile(limits)
            #if DEBUG
            let isThumbnail = if case .thumbnail = request { true } else { false }
            WorkerTestFiles.act(on: request.path, thumbnail: isThumbnail)
            #endif
            let reply = WorkerReply(answer: answer(request), retiring: cpuSecondsUsed() + limits.cpuSecondsPerFile >= limits.lifetimeCPUSeconds)
            guard let encoded = try? JSONEncoder().encode(reply), (try? FrameIO.write(FrameIO.frame(encoded), to: replies)) != nil else {
                exit(5)
            }
            if reply.retiring { exit(0) }
        }
    }

    static func answer(_ request: WorkerRequest) -> WorkerAnswer {
        switch request {
        case .facts(let path, let depth, let reader):
            return .facts(reader.read(path: path, depth: depth))
        case .thumbnail(let path, let maker):
            do {
                return .thumbnail(try maker.thumbnail(path: path))
            } catch {
                return .noThumbnail(error)
            }
        }
    }

    /// Moves the request and reply pipes off fds 0 and 1, and points those at /dev/null and
    /// stderr, so nothing a C library prints can end up inside a reply. Every other inherited
    /// descriptor is closed first: a worker reading untrusted files holds no socket of the server.
    private static func takePipes() -> (requests: Int32, replies: Int32) {
        closeDescriptors(above: 2)
        let requests = fcntl(0, F_DUPFD_CLOEXEC, 3)
        let replies = fcntl(1, F_DUPFD_CLOEXEC, 3)
        guard requests >= 0, replies >= 0 else { exit(6) }
        let null = open("/dev/null", O_RDONLY)
        if null >= 0 { dup2(null, 0); close(null) }
        dup2(2, 1)
        return (requests, replies)
    }

    private static func closeDescriptors(above lowest: Int32) {
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for name in open {
            if let descriptor = Int32(name), descriptor > lowest { close(descriptor) }
        }
    }

    /// Ends the worker once the server is gone, even while a decoder is stuck in a loop and stdin
    /// is not being read. Not PR_SET_PDEATHSIG: that fires when the server *thread* that started
    /// the worker ends, and the server's threads come and go.
    private static func dieWithParent() {
        let server = getppid()
        if server == 1 { exit(0) }  // the server died before the worker got here
        Thread.detachNewThread {
            while getppid() == server { usleep(200_000) }
            _exit(0)
        }
    }

    private static func limit(_ limits: WorkerLimits) {
        set(RLIMIT_CORE.rawValue, soft: 0, hard: 0)
        set(RLIMIT_AS.rawValue, soft: limits.addressSpaceBytes, hard: limits.addressSpaceBytes)
        set(RLIMIT_CPU.rawValue, soft: limits.cpuSecondsPerFile, hard: limits.lifetimeCPUSeconds)
    }

    /// RLIMIT_CPU counts the worker's whole life, so before each file its soft limit (SIGXCPU,
    /// which ends the worker) is moved to what it has used plus one file's allowance.
    private static func allowOneMoreFile(_ limits: WorkerLimits) {
        set(RLIMIT_CPU.rawValue, soft: min(cpuSecondsUsed() + limits.cpuSecondsPerFile, limits.lifetimeCPUSeconds), hard: limits.lifetimeCPUSeconds)
    }

    private static func set(_ resource: UInt32, soft: Int, hard: Int) {
        var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard))
        if setrlimit(__rlimit_resource_t(resource), &limit) != 0 {
            // A worker that cannot limit itself must not read untrusted files.
            FileHandle.standardError.write(Data("error: worker cannot set its resource limits (errno \(errno))\n".utf8))
            exit(7)
        }
    }

    private static func cpuSecondsUsed() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1
    }
}
