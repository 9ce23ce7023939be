import ArgumentParser
import FactsWorkers

extension MediaArchiveCommand {
    /// Not for people: `serve` starts this binary in worker mode to read uploads in a process of
    /// their own (docs/web-app.md, "Workers").
    struct Worker: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reads files for the server in a limited process (started by `serve`).",
            shouldDisplay: false
        )

        @Option(name: .long, help: "CPU seconds per file.") var cpuSeconds = WorkerLimits().cpuSecondsPerFile
        @Option(name: .long, help: "Address-space limit in bytes.") var addressSpaceBytes = WorkerLimits().addressSpaceBytes

        func run() throws {
            FactsWorker.serve(limits: WorkerLimits(cpuSecondsPerFile: cpuSeconds, addressSpaceBytes: addressSpaceBytes))
        }
    }
}
