public import MediaFacts

/// Everything known about a file: the `check` keys plus when, where and with what it was
/// captured. JSON keys are a public contract (DESIGN.md, `inspect`).
public struct InspectResult: Sendable, Encodable {
    public var check: CheckResult
    /// When it was captured, and from which tag.
    public var captured: CaptureTime?
    /// ISO 8601 with offset, e.g. "2021-05-23T10:15:30+08:00".
    public var capturedAt: String? { captured?.iso8601 }
    /// `exif-offset`, `exif-local-assumed-zone`, `quicktime-local`, `quicktime-utc`, … or `none`.
    public var capturedAtSource: CaptureTimeSource { captured?.source ?? .none }
    public var camera: Camera?
    public var gps: GPSPosition?
    /// EXIF orientation 1–8 for photos.
    public var orientation: Int?
    public var title: String?
    public var description: String?
    public var comment: String?
    /// The picture as stored (JPEG SOF, HEIF `ispe`, coded video size), before any turn.
    public var width: Int?
    public var height: Int?
    /// The picture as shown: after EXIF orientation, HEIF `irot`/`clap`, or video rotation.
    public var displayWidth: Int?
    public var displayHeight: Int?

    public init(check: CheckResult) {
        self.check = check
    }

    private enum CodingKeys: String, CodingKey {
        case capturedAt, capturedAtSource, camera, gps, orientation, title, description, comment, width, height,
             displayWidth, displayHeight
    }

    /// The `check` keys and these side by side in one object, every key present.
    public func encode(to encoder: any Encoder) throws {
        try check.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capturedAt, forKey: .capturedAt)
        try container.encode(capturedAtSource, forKey: .capturedAtSource)
        try container.encode(camera, forKey: .camera)
        try container.encode(gps, forKey: .gps)
        try container.encode(orientation, forKey: .orientation)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(comment, forKey: .comment)
        try container.encode(width, forKey: .width)
        try container.encode(height, forKey: .height)
        try container.encode(displayWidth, forKey: .displayWidth)
        try container.encode(displayHeight, forKey: .displayHeight)
    }
}
