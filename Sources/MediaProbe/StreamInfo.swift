/// What one stream of a file carries, copied out of FFmpeg's `AVStream`/`AVCodecParameters`.
public struct StreamInfo: Sendable, Equatable {
    public enum MediaType: String, Sendable {
        case video, audio, subtitle, data, attachment, unknown
    }

    public var index: Int
    public var type: MediaType
    /// FFmpeg's short codec name ("h264", "aac", "mjpeg"), or nil when FFmpeg does not know it.
    public var codec: String?
    public var width: Int?
    public var height: Int?
    /// Average frame rate, else the base frame rate; nil when unknown.
    public var framesPerSecond: Double?
    /// Display-matrix rotation in degrees, counter-clockwise, as ffprobe reports it (-90 for
    /// an upright phone video); 0 when the stream has no display matrix.
    public var rotation: Double
    public var channels: Int?
    public var sampleRate: Int?
    /// Cover art and similar single pictures attached to audio or video.
    public var isAttachedPicture: Bool
    /// Start time and duration as the container states them, in seconds.
    public var startSeconds: Double?
    public var durationSeconds: Double?

    /// A stream a viewer sees or hears (cover art does not count).
    var isPlayable: Bool {
        (type == .video && !isAttachedPicture) || type == .audio
    }
}
