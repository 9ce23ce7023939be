internal import CFFmpeg
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// An error reported by FFmpeg: the AVERROR code, what we were doing, and FFmpeg's own words.
///
/// Match specific codes with the static members, e.g. `catch FFmpegError.endOfFile`.
public struct FFmpegError: Error, Sendable, CustomStringConvertible {
    /// The negative AVERROR code.
    public let code: Int32
    /// The libav* call or step that failed, e.g. "avformat_open_input".
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// FFmpeg's text for the code (`av_strerror`).
    public var message: String {
        if code == Self.libraryMissing.code, let reason = cffmpeg_load() { return String(cString: reason) }
        var buffer = [CChar](repeating: 0, count: 256)
        if av_strerror(code, &buffer, buffer.count) < 0 {
            return "unknown FFmpeg error \(code)"
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public var description: String { "\(operation): \(message)" }

    public static let endOfFile = FFmpegError(code: cffmpeg_averror_eof(), operation: "")
    public static let invalidData = FFmpegError(code: cffmpeg_averror_invaliddata(), operation: "")
    public static let tryAgain = FFmpegError(code: cffmpeg_averror(EAGAIN), operation: "")
    public static let interrupted = FFmpegError(code: cffmpeg_averror_exit(), operation: "")
    public static let outOfMemory = FFmpegError(code: cffmpeg_averror(ENOMEM), operation: "")
    public static let noSuchFile = FFmpegError(code: cffmpeg_averror(ENOENT), operation: "")
    public static let permissionDenied = FFmpegError(code: cffmpeg_averror(EACCES), operation: "")
    public static let decoderNotFound = FFmpegError(code: cffmpeg_averror_decoder_not_found(), operation: "")
    /// FFmpeg's libraries could not be loaded (`message` says which and why).
    public static let libraryMissing = FFmpegError(code: cffmpeg_averror(ENOSYS), operation: "dlopen")

    /// Lets `catch FFmpegError.invalidData` match by code whatever the operation.
    public static func ~= (pattern: FFmpegError, error: any Error) -> Bool {
        (error as? FFmpegError)?.code == pattern.code
    }

    /// Throws unless `result` is non-negative; returns it otherwise.
    @discardableResult
    static func check(_ result: Int32, _ operation: String) throws(FFmpegError) -> Int32 {
        if result < 0 { throw FFmpegError(code: result, operation: operation) }
        return result
    }
}

extension FFmpegError: Equatable {
    public static func == (lhs: FFmpegError, rhs: FFmpegError) -> Bool { lhs.code == rhs.code }
}
