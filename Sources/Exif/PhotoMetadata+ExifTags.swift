/// Turns raw EXIF entries into the fields people look for.
extension PhotoMetadata {
    /// EXIF tag numbers used here (names as in the EXIF 2.32 specification).
    enum Tag {
        static let imageDescription = 0x010E
        static let make = 0x010F
        static let model = 0x0110
        static let orientation = 0x0112
        static let dateTime = 0x0132
        static let xpTitle = 0x9C9B
        static let xpComment = 0x9C9C
        static let dateTimeOriginal = 0x9003
        static let dateTimeDigitized = 0x9004
        static let offsetTime = 0x9010
        static let offsetTimeOriginal = 0x9011
        static let offsetTimeDigitized = 0x9012
        static let userComment = 0x9286
        static let subSecTime = 0x9290
        static let subSecTimeOriginal = 0x9291
        static let subSecTimeDigitized = 0x9292
        static let pixelXDimension = 0xA002
        static let pixelYDimension = 0xA003
        static let gpsLatitudeRef = 0x0001
        static let gpsLatitude = 0x0002
        static let gpsLongitudeRef = 0x0003
        static let gpsLongitude = 0x0004
        static let gpsAltitudeRef = 0x0005
        static let gpsAltitude = 0x0006
    }

    init(tags: ExifTags) {
        self.init()
        captureTimes = Self.captureTimes(in: tags)
        make = tags.text(Tag.make, in: .primary)
        model = tags.text(Tag.model, in: .primary)
        orientation = tags.integer(Tag.orientation, in: .primary).flatMap { (1...8).contains($0) ? $0 : nil }
        gps = Self.gpsTags(in: tags)
        description = tags.text(Tag.imageDescription, in: .primary)
        title = tags.entry(Tag.xpTitle, in: .primary).flatMap { ExifText.windowsXP($0.bytes) } ?? description
        comment = tags.entry(Tag.xpComment, in: .primary).flatMap { ExifText.windowsXP($0.bytes) }
            ?? tags.entry(Tag.userComment, in: .exif).flatMap { ExifText.userComment($0.bytes, bigEndian: tags.bigEndian) }
        pixelWidth = tags.integer(Tag.pixelXDimension, in: .exif).flatMap { $0 > 0 ? $0 : nil }
        pixelHeight = tags.integer(Tag.pixelYDimension, in: .exif).flatMap { $0 > 0 ? $0 : nil }
    }

    /// DateTimeOriginal, DateTimeDigitized, DateTime as written, each with its own SubSecTime
    /// and OffsetTime companion; blank tags are left out.
    static func captureTimes(in tags: ExifTags) -> [ExifDateText] {
        let candidates: [(CaptureTimeTag, Int, ExifTags.IFD, Int, Int)] = [
            (.dateTimeOriginal, Tag.dateTimeOriginal, .exif, Tag.subSecTimeOriginal, Tag.offsetTimeOriginal),
            (.dateTimeDigitized, Tag.dateTimeDigitized, .exif, Tag.subSecTimeDigitized, Tag.offsetTimeDigitized),
            // Some editors write CreateDate into IFD0: it still says when the photo was made,
            // which ModifyDate does not.
            (.dateTimeDigitized, Tag.dateTimeDigitized, .primary, Tag.subSecTimeDigitized, Tag.offsetTimeDigitized),
            (.dateTime, Tag.dateTime, .primary, Tag.subSecTime, Tag.offsetTime),
        ]
        return candidates.compactMap { name, tag, ifd, subsecond, offset in
            tags.text(tag, in: ifd).map {
                ExifDateText(tag: name, text: $0, subsecond: tags.text(subsecond, in: .exif), offset: tags.text(offset, in: .exif))
            }
        }
    }

    /// The GPS tags as written; nil when latitude or longitude is missing.
    static func gpsTags(in tags: ExifTags) -> ExifGPSTags? {
        guard let latitude = tags.rationals(Tag.gpsLatitude, in: .gps), !latitude.isEmpty,
            let longitude = tags.rationals(Tag.gpsLongitude, in: .gps), !longitude.isEmpty
        else { return nil }
        return ExifGPSTags(
            latitude: latitude, latitudeRef: tags.text(Tag.gpsLatitudeRef, in: .gps),
            longitude: longitude, longitudeRef: tags.text(Tag.gpsLongitudeRef, in: .gps),
            altitude: tags.rationals(Tag.gpsAltitude, in: .gps)?.first, altitudeRef: tags.integer(Tag.gpsAltitudeRef, in: .gps))
    }
}
