public import Foundation
internal import Exif
internal import MediaProbe

/// Turns a path into `FileFacts`. The one place that decides what a file is: its leading bytes
/// first (documents, HEIF, text, archives), a still picture's header next, FFmpeg last.
/// Safe to use from many tasks at once: every call opens its own C objects.
public struct FactsReader: Sendable, Codable {
    /// How much to read: `check` needs content, streams and length; `inspect` adds what the
    /// file says about its capture (EXIF, container tags).
    public enum Depth: String, Sendable, Codable {
        case check
        case everything
    }

    /// The zone a time stamp without an offset is taken to be in (the policy's).
    public var assumedZone: TimeZone
    /// Lengths the container states above this many seconds are confirmed from the packets.
    public var confirmDurationsAbove: Double?

    public init(assumedZone: TimeZone, confirmDurationsAbove: Double? = nil) {
        self.assumedZone = assumedZone
        self.confirmDurationsAbove = confirmDurationsAbove
    }

    /// Never throws: what goes wrong is the facts' `problem`.
    public func read(path: String, depth: Depth) -> FileFacts {
        if let problem = Self.unopenable(path: path) {
            var facts = FileFacts(path: path, kind: .unknown, signature: .other)
            facts.problem = problem
            return facts
        }
        let signature = ContentSignature.read(path: path)
        var facts: FileFacts
        if signature.isDocument || (signature == .plainText && ContentSignature.isTextDocumentName(path)) {
            facts = FileFacts(path: path, kind: .document, signature: signature)
        } else if signature == .heif {
            facts = HEIFFacts.read(path: path)
        } else if let header = ImageHeader.read(path: path) {
            // A photo needs no decoding to be judged; its header says what it is and how big.
            facts = FileFacts(path: path, kind: .photo, signature: signature)
            facts.format = header.format
            facts.storedSize = PixelSize(width: header.width, height: header.height)
        } else if let problem = ReadProblem.from(signature) {
            facts = FileFacts(path: path, kind: .unknown, signature: signature)
            facts.problem = problem
        } else {
            facts = probe(path: path, signature: signature, depth: depth)
        }
        facts.byteCount = Self.byteCount(path)
        if depth == .everything, facts.problem == nil, facts.kind == .photo {
            PhotoFacts.add(to: &facts, zone: assumedZone)
        }
        facts.displaySize = facts.displaySize ?? facts.storedSize.map { Self.upright($0, facts) }
        return facts
    }

    private func probe(path: String, signature: ContentSignature, depth: Depth) -> FileFacts {
        let report: ProbeReport
        do {
            report = try MediaProber().probe(path: path, confirmDurationsAbove: confirmDurationsAbove)
        } catch {
            var facts = FileFacts(path: path, kind: .unknown, signature: signature)
            facts.problem = .from(error, signature: signature)
            return facts
        }
        var facts = FileFacts(path: path, kind: Self.kind(report.kind), signature: signature)
        facts.format = report.formatName
        if let seconds = report.durationSeconds, let source = report.durationSource {
            facts.duration = .init(seconds: seconds, source: source == .packets ? .packets : .container)
        }
        facts.statedDurationSeconds = report.statedDurationSeconds
        if let cut = report.cutOff {
            facts.damage = .cutOff(presentSeconds: cut.presentSeconds)
        } else if let stopped = report.scanStoppedEarly {
            facts.damage = .stoppedEarly(detail: stopped.message)
        }
        let picture = report.videoStream
        if report.kind == .video, let picture {
            facts.video = .init(codec: picture.codec, width: picture.width, height: picture.height,
                                framesPerSecond: picture.framesPerSecond, rotation: picture.rotation)
        }
        if let audio = report.audioStream {
            facts.audio = .init(codec: audio.codec, channels: audio.channels, sampleRate: audio.sampleRate)
        }
        if report.kind == .video || report.kind == .image, let width = picture?.width, let height = picture?.height {
            facts.storedSize = PixelSize(width: width, height: height)
        }
        if report.kind == .image, picture?.width == nil {
            facts.warnings.append(.photoSizeUnknown)
        }
        if depth == .everything, report.kind == .video || report.kind == .audio {
            let tags = VideoMetadata(tags: report.tags, zone: assumedZone)
            facts.captured = tags.capturedAt
            facts.camera = tags.camera
            facts.gps = tags.gps
            facts.title = tags.title
            facts.description = tags.description
        }
        return facts
    }

    /// The stored picture turned as the file says it is shown.
    private static func upright(_ stored: PixelSize, _ facts: FileFacts) -> PixelSize {
        if let rotation = facts.video?.rotation {
            return stored.turned(quarterTurn: Int(rotation.rounded()).isMultiple(of: 180) == false)
        }
        // EXIF orientations 5–8 are the ones with a quarter turn.
        return stored.turned(quarterTurn: (5...8).contains(facts.orientation ?? 1))
    }

    /// The reason a file cannot even be opened, checked before any decoder sees it.
    static func unopenable(path: String) -> ReadProblem? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .fileMissing }
        if isDirectory.boolValue { return .isFolder }
        guard FileManager.default.isReadableFile(atPath: path) else { return .permissionDenied }
        if byteCount(path) == 0 { return .emptyFile }
        return nil
    }

    static func byteCount(_ path: String) -> Int64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
    }

    private static func kind(_ kind: ProbeReport.ContentKind) -> FileFacts.Kind {
        switch kind {
        case .video: .video
        case .audio: .audio
        case .image: .photo
        case .other: .nothing
        }
    }
}
