/// The verdict on one file, with what the verdict rests on. Its JSON keys are a public
/// contract (DESIGN.md, `check`): extend, never rename.
public struct CheckResult: Sendable, Equatable, Encodable {
    public struct VideoSummary: Sendable, Equatable, Encodable {
        public var codec: String?
        public var width: Int?
        public var height: Int?
        public var fps: Double?
        /// Display rotation in degrees, counter-clockwise, as ffprobe reports it.
        public var rotation: Double
    }

    public struct AudioSummary: Sendable, Equatable, Encodable {
        public var codec: String?
        public var channels: Int?
        public var sampleRate: Int?
    }

    public var path: String
    public var kind: MediaKind
    public var verdict: Verdict
    /// Why it failed or could not be read, as sentences for the person who sent it.
    public var reasons: [String] = []
    /// Things worth knowing that do not fail the file.
    public var warnings: [String] = []
    public var durationSeconds: Double?
    /// "container" or "packets": where the duration came from.
    public var durationSource: String?
    public var format: String?
    public var video: VideoSummary?
    public var audio: AudioSummary?
    /// Set when the file could not be read: what went wrong and what to do.
    public var error: String?

    public init(path: String, kind: MediaKind, verdict: Verdict) {
        self.path = path
        self.kind = kind
        self.verdict = verdict
    }

    private enum CodingKeys: String, CodingKey {
        case path, kind, verdict, reasons, warnings, durationSeconds, durationSource, format, video, audio, error
    }

    /// Writes every key, with null for what is unknown, so scripts can rely on the keys existing.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(kind, forKey: .kind)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(durationSeconds.map(Self.roundedToMilliseconds), forKey: .durationSeconds)
        try container.encode(durationSource, forKey: .durationSource)
        try container.encode(format, forKey: .format)
        try container.encode(video, forKey: .video)
        try container.encode(audio, forKey: .audio)
        try container.encode(error, forKey: .error)
    }

    private static func roundedToMilliseconds(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
