/// Bounds on how much work opening and reading a file may cost, so that a hostile or broken
/// file cannot hang the process or exhaust memory.
public struct OpenLimits: Sendable {
    /// Bytes libavformat may read while guessing the format and stream parameters.
    public var probeBytes: Int64
    /// Media time (in seconds) libavformat may analyse to find stream parameters.
    public var analyzeSeconds: Double
    /// Wall-clock seconds allowed for opening and probing.
    public var openTimeoutSeconds: Double
    /// Wall-clock seconds allowed per GiB when reading every packet of a file; a scan that
    /// takes longer than this (plus `openTimeoutSeconds`) is abandoned.
    public var scanSecondsPerGiB: Double

    public init(probeBytes: Int64 = 10_000_000, analyzeSeconds: Double = 10,
                openTimeoutSeconds: Double = 20, scanSecondsPerGiB: Double = 120) {
        self.probeBytes = probeBytes
        self.analyzeSeconds = analyzeSeconds
        self.openTimeoutSeconds = openTimeoutSeconds
        self.scanSecondsPerGiB = scanSecondsPerGiB
    }

    public static let standard = OpenLimits()
}
