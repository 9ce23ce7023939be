import Foundation
internal import Exif

/// What a photo's EXIF block adds to its facts: capture time, camera, place, orientation, text.
enum PhotoFacts {
    static func add(to facts: inout FileFacts, zone: TimeZone) {
        let metadata: PhotoMetadata
        do {
            metadata = try PhotoMetadataReader.read(contentsOf: facts.path)
        } catch {
            facts.warnings.append(.photoMetadataUnreadable(detail: "\(error)"))
            return
        }
        facts.warnings += metadata.warnings.map(warning)
        if let time = metadata.captureTime {
            let fields = TimeStamp.Fields(year: time.year, month: time.month, day: time.day, hour: time.hour,
                                          minute: time.minute, second: time.second, nanosecond: time.nanosecond ?? 0)
            facts.captured = CaptureTime.local(fields, utcOffsetSeconds: time.utcOffsetSeconds, zone: zone,
                                               source: source(tag: metadata.captureTimeTag, hasOffset: time.utcOffsetSeconds != nil),
                                               hasFraction: time.nanosecond != nil)
        }
        if metadata.make != nil || metadata.model != nil {
            facts.camera = Camera(make: metadata.make, model: metadata.model)
        }
        facts.gps = GPSPosition(exif: metadata.gps)
        facts.orientation = metadata.orientation
        facts.title = metadata.title
        facts.description = metadata.description
        facts.comment = metadata.comment
        // The picture's own size is the real one; EXIF's PixelXDimension is often stale after editing.
        if facts.storedSize == nil, let width = metadata.pixelWidth, let height = metadata.pixelHeight {
            facts.storedSize = PixelSize(width: width, height: height)
        }
    }

    /// `exif-…` for DateTimeOriginal; the fallbacks say so: `exif-digitized-…` (DateTimeDigitized,
    /// exiftool's CreateDate) and `exif-modified-…` (IFD0 DateTime, when the file was last changed).
    static func source(tag: CaptureTimeTag?, hasOffset: Bool) -> CaptureTimeSource {
        switch (tag, hasOffset) {
        case (.dateTimeDigitized, true): .exifDigitizedOffset
        case (.dateTimeDigitized, false): .exifDigitizedLocalAssumedZone
        case (.dateTime, true): .exifModifiedOffset
        case (.dateTime, false): .exifModifiedLocalAssumedZone
        case (_, true): .exifOffset
        case (_, false): .exifLocalAssumedZone
        }
    }

    private static func warning(_ warning: PhotoMetadataWarning) -> FactWarning {
        switch warning {
        case .exifDamaged: .exifDamaged
        case .jpegDamagedBeforeExif: .jpegDamagedBeforeExif
        case .exifOutOfMemory: .exifOutOfMemory
        }
    }
}
