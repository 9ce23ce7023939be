import ArchiveServer
import ArgumentParser
import FactsWorkers
import Foundation
import MediaArchive

extension MediaArchiveCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The web app: the self-check page (/check) and the search API (/api/search).",
            discussion: "Binds 127.0.0.1 by default. --store/--catalogue (or $MEDIA_ARCHIVE_STORE/$MEDIA_ARCHIVE_CATALOGUE) put the objects in S3 and the entries in PostgreSQL. /api/search needs an access token (`token create`) unless policy.json sets publicBrowse; /check needs none."
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
        @Option(name: .long, help: "The port to listen on.") var port = 8080
        @Option(name: .long, help: "Worker processes that read uploads (0: read them in the server's own process).")
        var workers = 2
        @Option(name: .long, help: "Seconds a worker may take over one file before it is killed.")
        var workerDeadline = WorkerLimits().deadlineSeconds
        @Option(name: .long, help: "CPU seconds a worker may spend on one file.")
        var workerCPUSeconds = WorkerLimits().cpuSecondsPerFile
        @Option(name: .customLong("worker-memory-mib"), help: "A worker's address-space limit in MiB.")
        var workerMemoryMiB = WorkerLimits().addressSpaceBytes >> 20

        func validate() throws {
            if !(1...65535).contains(port) { throw ValidationError("--port takes a number from 1 to 65535 (got \(port))") }
            if !(0...64).contains(workers) { throw ValidationError("--workers takes a number from 0 to 64 (got \(workers))") }
            if workerDeadline <= 0 || workerCPUSeconds <= 0 { throw ValidationError("--worker-deadline and --worker-cpu-seconds take a positive number") }
            if workerMemoryMiB < 512 { throw ValidationError("--worker-memory-mib needs at least 512 (a worker maps ~420 MiB before it reads a file)") }
        }

        /// This same binary in worker mode; nil with `--workers 0`.
        private func workerPool() throws -> WorkerPool.Configuration? {
            guard workers > 0 else { return nil }
            let limits = WorkerLimits(cpuSecondsPerFile: workerCPUSeconds, addressSpaceBytes: workerMemoryMiB << 20,
                                      deadlineSeconds: workerDeadline)
            // /proc/self/exe names this very file even when started through a symlink or $PATH.
            guard let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                    ?? Bundle.main.executablePath else {
                throw ValidationError("cannot tell where this binary is, to start its workers; use --workers 0 or mount /proc")
            }
            return WorkerPool.Configuration(executable: executable, arguments: ["worker"], size: workers, limits: limits)
        }

        func run() async throws {
            let settings = try options.loadSettings()
            try await ArchiveServerApp.run(settings: settings, backends: try options.loadBackends(), address: ServerAddress(host: host, port: port), workers: try workerPool())
        }
    }
}
