/// Everything MediaProbe learns about one file, as plain values.
public struct ProbeReport: Sendable {
    public enum ContentKind: String, Sendable {
        /// Moving pictures (with or without sound).
        case video
        /// Sound only.
        case audio
        /// A single still picture (JPEG, PNG, WebP, …).
        case image
        /// FFmpeg opened it but found nothing to see or hear (e.g. subtitles only).
        case other
    }

    public enum DurationSource: String, Sendable {
        /// The container's own timing fields.
        case container
        /// Timestamps of every packet, read to the end of the file.
        case packets
    }

    public var path: String
    /// libavformat's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2".
    public var formatName: String
    public var kind: ContentKind
    public var streams: [StreamInfo]
    /// The duration a player shows, in seconds; nil when it could not be measured.
    public var durationSeconds: Double?
    public var durationSource: DurationSource?
    /// What the container states, even where it was not trusted.
    public var statedDurationSeconds: Double?
    /// Set when the container's index points past the end of the file.
    public var cutOff: IndexCoverage?
    /// Set when a packet scan could not read to the end.
    public var scanStoppedEarly: FFmpegError?
    /// Container metadata tags (creation_time, title, …).
    public var tags: [String: String]
    public var byteCount: Int64?

    public var videoStream: StreamInfo? {
        streams.first { $0.type == .video && !$0.isAttachedPicture }
    }

    public var audioStream: StreamInfo? {
        streams.first { $0.type == .audio }
    }
}
