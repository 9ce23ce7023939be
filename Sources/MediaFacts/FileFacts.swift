import Foundation

/// Everything read from one file, answered once: what it is by its content, its streams, how
/// long it plays and how that was measured, when, where and with what it was captured, its
/// sizes, its text, and what is worth knowing about it. Plain values, so it crosses threads;
/// the domain judges it against the policy without opening the file again.
public struct FileFacts: Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case video, audio, photo, document
        /// FFmpeg opened it but found nothing to see or hear.
        case nothing
        /// Not read: see `problem`.
        case unknown
    }

    public var path: String
    public var kind: Kind
    /// What the leading bytes said.
    public var signature: ContentSignature
    /// Set when the file could not be read at all.
    public var problem: ReadProblem?
    /// FFmpeg's demuxer name ("mov,mp4,m4a,3gp,3g2,mj2", "jpeg_pipe"), or "heif".
    public var format: String?
    public var byteCount: Int64?

    public var duration: Duration?
    /// What the container states, even when the packets were measured instead.
    public var statedDurationSeconds: Double?
    public var damage: Damage?
    public var video: VideoStream?
    public var audio: AudioStream?

    /// The picture as stored (JPEG SOF, HEIF `ispe`, coded video size).
    public var storedSize: PixelSize?
    /// The picture as shown: after EXIF orientation, HEIF `irot`/`clap`, video rotation.
    public var displaySize: PixelSize?

    public var captured: CaptureTime?
    public var camera: Camera?
    public var gps: GPSPosition?
    /// EXIF orientation 1–8 for photos (for a HEIF, its own transforms as one).
    public var orientation: Int?
    public var title: String?
    public var description: String?
    public var comment: String?
    public var warnings: [FactWarning] = []

    public init(path: String, kind: Kind, signature: ContentSignature) {
        self.path = path
        self.kind = kind
        self.signature = signature
    }

    public struct Duration: Sendable, Equatable, Codable {
        public var seconds: Double
        public var source: Source

        public enum Source: String, Sendable, Codable {
            /// The container's own statement.
            case container
            /// Measured from the packets.
            case packets
        }
    }

    public enum Damage: Sendable, Equatable, Codable {
        /// The index promises more media than the file holds.
        case cutOff(presentSeconds: Double)
        /// Reading the packets stopped before the end; FFmpeg's words.
        case stoppedEarly(detail: String)
    }

    public struct VideoStream: Sendable, Equatable, Codable {
        public var codec: String?
        public var width: Int?
        public var height: Int?
        public var framesPerSecond: Double?
        /// Display rotation in degrees, counter-clockwise, as ffprobe reports it.
        public var rotation: Double
    }

    public struct AudioStream: Sendable, Equatable, Codable {
        public var codec: String?
        public var channels: Int?
        public var sampleRate: Int?
    }
}

public struct PixelSize: Sendable, Equatable, Codable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Width and height swapped when a quarter turn is applied.
    func turned(quarterTurn: Bool) -> PixelSize {
        quarterTurn ? PixelSize(width: height, height: width) : self
    }
}

/// Things worth knowing about a file that do not stop it being read.
public enum FactWarning: Sendable, Hashable, Codable {
    /// An image FFmpeg read without stating its size.
    case photoSizeUnknown
    case exifDamaged
    case jpegDamagedBeforeExif
    case exifOutOfMemory
    /// The photo's metadata could not be read at all (the reader's words).
    case photoMetadataUnreadable(detail: String)
    /// libheif refused a HEIF whose boxes are sound: its facts come from the boxes, and no
    /// thumbnail can be made.
    case heifNotDecodable(detail: String)
}
