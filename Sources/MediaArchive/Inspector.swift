import Exif
import Foundation
import MediaProbe

/// Reads everything known about files: the check, plus capture time, camera, place and text.
public struct Inspector: Sendable {
    public var checker: SubmissionChecker

    public init(checker: SubmissionChecker) {
        self.checker = checker
    }

    private var policy: SubmissionPolicy { checker.policy }
    private var zone: TimeZone { TimeZone(identifier: policy.timeZone) ?? TimeZone(identifier: "Asia/Shanghai")! }

    public func inspect(paths: [String]) -> [InspectResult] {
        let inspector = self
        return MediaPaths.expand(paths).parallelMap { inspector.inspect(path: $0) }
    }

    public func inspect(path: String) -> InspectResult {
        let evaluation = checker.evaluate(path: path)
        let check = evaluation.result
        let report = evaluation.report
        var result = InspectResult(check: check)
        switch check.kind {
        case .photo:
            addPhotoMetadata(path: path, into: &result)
        case .video, .audio:
            if let report { addVideoMetadata(report, into: &result) }
        case .document, .unknown, .link:
            break
        }
        // The picture's own size is the real one; EXIF's PixelXDimension is often stale after editing.
        if let size = evaluation.pictureSize {
            result.width = size.width
            result.height = size.height
        } else if check.kind == .video, let video = report?.videoStream {
            result.width = video.width
            result.height = video.height
        }
        if let captured = result.captured {
            let day = CalendarDay(of: captured.date, in: zone)
            if !policy.eventWindow.contains(day) {
                result.check.warningMessages.append(
                    .capturedOutsideWindow(day: day, start: policy.eventWindow.start, end: policy.eventWindow.end))
            }
        }
        return result
    }

    private func addPhotoMetadata(path: String, into result: inout InspectResult) {
        let metadata: PhotoMetadata
        do {
            metadata = try PhotoMetadataReader.read(contentsOf: path)
        } catch {
            result.check.warningMessages.append(.photoMetadataUnreadable(detail: "\(error)"))
            return
        }
        result.check.warningMessages += metadata.warnings.map(Self.message)
        if let time = metadata.captureTime,
           let captured = CaptureTime.local(
               year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute,
               second: time.second, nanosecond: time.nanosecond ?? 0, utcOffsetSeconds: time.utcOffsetSeconds,
               zone: zone, source: Self.captureSource(tag: metadata.captureTimeTag, hasOffset: time.utcOffsetSeconds != nil),
               hasFraction: time.nanosecond != nil) {
            result.captured = captured
        }
        if metadata.make != nil || metadata.model != nil {
            result.camera = Camera(make: metadata.make, model: metadata.model)
        }
        result.gps = metadata.gps
        result.orientation = metadata.orientation
        result.title = metadata.title
        result.description = metadata.description
        result.comment = metadata.comment
        result.width = metadata.pixelWidth
        result.height = metadata.pixelHeight
    }

    /// The reader's warning as a message, so it can be shown in Chinese too.
    static func message(_ photoWarning: String) -> Message {
        switch PhotoMetadataWarning(rawValue: photoWarning) {
        case .exifDamaged: .exifDamaged
        case .jpegDamagedBeforeExif: .jpegDamagedBeforeExif
        case .exifOutOfMemory: .exifOutOfMemory
        case nil: .untranslated(photoWarning)
        }
    }

    /// `exif-offset` / `exif-local-assumed-zone` for DateTimeOriginal; the fallbacks say so:
    /// `exif-digitized-…` (DateTimeDigitized) and `exif-modified-…` (IFD0 DateTime, when the
    /// file was last changed, which may be long after the photo was taken).
    static func captureSource(tag: CaptureTimeTag?, hasOffset: Bool) -> String {
        let prefix = switch tag {
        case .dateTimeDigitized: "exif-digitized"
        case .dateTime: "exif-modified"
        case .dateTimeOriginal, nil: "exif"
        }
        return prefix + (hasOffset ? "-offset" : "-local-assumed-zone")
    }

    private func addVideoMetadata(_ report: ProbeReport, into result: inout InspectResult) {
        let metadata = VideoMetadata(tags: report.tags, zone: zone)
        if let captured = metadata.capturedAt { result.captured = captured }
        result.camera = metadata.camera
        result.gps = metadata.gps
        result.title = metadata.title
        result.description = metadata.description
    }
}
