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
    /// Why it failed or could not be read, as sentences for the person who sent it; shown in
    /// the reader's language (`reasons(in:)`, or JSON with `userInfo[.messageLanguage]`).
    public var reasonMessages: [Message] = []
    /// Things worth knowing that do not fail the file.
    public var warningMessages: [Message] = []
    public var durationSeconds: Double?
    /// "container" or "packets": where the duration came from.
    public var durationSource: String?
    public var format: String?
    public var video: VideoSummary?
    public var audio: AudioSummary?
    /// Set when the file could not be read: what went wrong and what to do.
    public var errorMessage: Message?

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
        try container.encode(reasonMessages, forKey: .reasons)
        try container.encode(warningMessages, forKey: .warnings)
        try container.encode(durationSeconds.map(Self.roundedToMilliseconds), forKey: .durationSeconds)
        try container.encode(durationSource, forKey: .durationSource)
        try container.encode(format, forKey: .format)
        try container.encode(video, forKey: .video)
        try container.encode(audio, forKey: .audio)
        try container.encode(errorMessage, forKey: .error)
    }

    public func reasons(in language: Language) -> [String] { reasonMessages.texts(in: language) }
    public func warnings(in language: Language) -> [String] { warningMessages.texts(in: language) }
    public func error(in language: Language) -> String? { errorMessage?.text(in: language) }

    /// The result in `language` as fixed text: what a caller that edits the sentences (e.g. to
    /// put the sender's file name in place of a server path) works on before encoding.
    public func rendered(in language: Language) -> CheckResult {
        var rendered = self
        rendered.reasonMessages = reasons(in: language).map(Message.untranslated)
        rendered.warningMessages = warnings(in: language).map(Message.untranslated)
        rendered.errorMessage = error(in: language).map(Message.untranslated)
        return rendered
    }

    private static func roundedToMilliseconds(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}

extension CheckResult {
    // The English text, for callers written before messages had two languages. Setting one
    // stores fixed text (the same in every language): use the message properties for new code.
    public var reasons: [String] {
        get { reasons(in: .en) }
        set { reasonMessages = newValue.map(Message.untranslated) }
    }

    public var warnings: [String] {
        get { warnings(in: .en) }
        set { warningMessages = newValue.map(Message.untranslated) }
    }

    public var error: String? {
        get { error(in: .en) }
        set { errorMessage = newValue.map(Message.untranslated) }
    }
}
