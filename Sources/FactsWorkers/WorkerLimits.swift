/// What one worker may use. The kernel enforces the CPU and memory limits inside the worker
/// (`setrlimit`); the server enforces the wall-clock deadline from outside (SIGKILL).
public struct WorkerLimits: Sendable, Equatable {
    /// CPU seconds one file may take (RLIMIT_CPU, raised by this much before each request).
    public var cpuSecondsPerFile: Int
    /// Address space of the whole worker (RLIMIT_AS). A worker maps ~0.42 GiB at rest; the
    /// hungriest corpus file (a 10-bit AVIF) peaks at 0.93 GiB, every corpus file and fixture
    /// checked and thumbnailed in one worker stays under that. 2 GiB leaves room for bigger
    /// phone photos and still stops a file whose header claims a gigapixel picture.
    public var addressSpaceBytes: Int
    /// Wall-clock time one file may take before the server kills the worker.
    public var deadlineSeconds: Double

    public init(cpuSecondsPerFile: Int = 30, addressSpaceBytes: Int = 2 << 30, deadlineSeconds: Double = 60) {
        self.cpuSecondsPerFile = cpuSecondsPerFile
        self.addressSpaceBytes = addressSpaceBytes
        self.deadlineSeconds = deadlineSeconds
    }

    /// CPU seconds a worker may use in all before it retires: its hard RLIMIT_CPU, which it
    /// cannot raise again, so a worker is never unlimited however many files it reads.
    var lifetimeCPUSeconds: Int { cpuSecondsPerFile * 100 }

    /// The worker's command-line arguments (`media-archive worker …`).
    public var arguments: [String] {
        ["--cpu-seconds", String(cpuSecondsPerFile), "--address-space-bytes", String(addressSpaceBytes)]
    }
}
