internal import CFFmpeg
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A wall-clock deadline that FFmpeg polls through `AVIOInterruptCB` during blocking I/O;
/// once it has passed, FFmpeg abandons the call with AVERROR_EXIT.
///
/// Not Sendable: it belongs to the one `MediaFile` that installed it.
final class InterruptDeadline {
    private var deadlineNanoseconds: UInt64 = .max

    func expire(after seconds: Double) {
        deadlineNanoseconds = Self.now() &+ UInt64(max(0, seconds) * 1_000_000_000)
    }

    var hasExpired: Bool { Self.now() >= deadlineNanoseconds }

    /// The callback record to store in `AVFormatContext.interrupt_callback`. The context must not
    /// outlive `self`; `MediaFile` keeps both together.
    var callback: AVIOInterruptCB {
        AVIOInterruptCB(
            callback: { opaque in
                guard let opaque else { return 0 }
                return Unmanaged<InterruptDeadline>.fromOpaque(opaque).takeUnretainedValue().hasExpired ? 1 : 0
            },
            opaque: Unmanaged.passUnretained(self).toOpaque()
        )
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
