public import Foundation

/// When something was captured: an instant, written ISO 8601 with the UTC offset that applies,
/// and where that came from (`capturedAtSource`).
public struct CaptureTime: Sendable, Equatable, Codable {
    public var date: Date
    /// Seconds east of UTC that the time is written in.
    public var utcOffsetSeconds: Int
    public var source: CaptureTimeSource
    /// Whether to write milliseconds (when the file gives sub-second precision).
    public var hasFraction: Bool

    public init(date: Date, utcOffsetSeconds: Int, source: CaptureTimeSource, hasFraction: Bool = false) {
        self.date = date
        self.utcOffsetSeconds = utcOffsetSeconds
        self.source = source
        self.hasFraction = hasFraction
    }

    /// "2021-05-23T10:15:30+08:00" (or "…30.120+08:00").
    public var iso8601: String {
        TimeStamp.iso8601(date, utcOffsetSeconds: utcOffsetSeconds, milliseconds: hasFraction)
    }

    /// Local wall-clock fields plus an optional offset; without one, `zone` (the policy's) is
    /// assumed. Returns nil for impossible dates.
    public static func local(_ fields: TimeStamp.Fields, utcOffsetSeconds: Int?, zone: TimeZone,
                             source: CaptureTimeSource, hasFraction: Bool = false) -> CaptureTime? {
        guard let date = fields.date(utcOffsetSeconds: utcOffsetSeconds, zone: zone) else { return nil }
        let offset = utcOffsetSeconds ?? zone.secondsFromGMT(for: date)
        return CaptureTime(date: date, utcOffsetSeconds: offset, source: source, hasFraction: hasFraction)
    }
}

/// Which tag a capture time was read from, and whether its offset was written or assumed.
/// The raw values are the `capturedAtSource` strings of the JSON contract.
public enum CaptureTimeSource: String, Sendable, Codable, CaseIterable {
    /// EXIF DateTimeOriginal with its OffsetTimeOriginal.
    case exifOffset = "exif-offset"
    /// EXIF DateTimeOriginal without an offset: the policy's zone is assumed.
    case exifLocalAssumedZone = "exif-local-assumed-zone"
    /// DateTimeDigitized (exiftool's CreateDate), when the photo has no DateTimeOriginal.
    case exifDigitizedOffset = "exif-digitized-offset"
    case exifDigitizedLocalAssumedZone = "exif-digitized-local-assumed-zone"
    /// IFD0 DateTime (exiftool's ModifyDate): when the file was last changed, which may be long
    /// after the photo was taken.
    case exifModifiedOffset = "exif-modified-offset"
    case exifModifiedLocalAssumedZone = "exif-modified-local-assumed-zone"
    /// Apple's `com.apple.quicktime.creationdate`: local time with its offset.
    case quickTimeLocal = "quicktime-local"
    case quickTimeLocalAssumedZone = "quicktime-local-assumed-zone"
    /// `creation_time`, which is UTC; shown in the policy's zone.
    case quickTimeUTC = "quicktime-utc"
    /// Nothing in the file said when it was captured.
    case none
}
