import Foundation
internal import Exif

/// What a photo's EXIF block adds to its facts: capture time, camera, place, orientation, text.
enum PhotoFacts {
    static func add(to facts: inout FileFacts, zone: TimeZone) {
        let metadata: PhotoMetadata
        do {
            metadata = try PhotoMetadataReader.read(contentsOf: facts.path,
                                                    container: PhotoContainerSniff.container(path: facts.path, signature: facts.signature))
        } catch {
            facts.warnings.append(.photoMetadataUnreadable(detail: "\(error)"))
            return
        }
        facts.warnings += metadata.warnings.map(warning)
        if let (tag, time) = captureTime(in: metadata) {
            facts.captured = CaptureTime.local(time.fields, utcOffsetSeconds: time.offset, zone: zone,
                                               source: source(tag: tag, hasOffset: time.offset != nil),
                                               hasFraction: time.hasFraction)
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

    /// The first of the photo's date tags that is a possible date, read by `TimeStamp`.
    static func captureTime(in metadata: PhotoMetadata)
        -> (tag: CaptureTimeTag, time: (fields: TimeStamp.Fields, offset: Int?, hasFraction: Bool))?
    {
        for candidate in metadata.captureTimes {
            if let time = TimeStamp.parseEXIF(candidate.text, subsecond: candidate.subsecond, offset: candidate.offset) {
                return (candidate.tag, time)
            }
        }
        return nil
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
