/// What a photo's EXIF block says about it, copied out of libexif into plain values.
///
/// Every field is optional: a photo without EXIF yields an empty value, not an error.
/// Problems with the EXIF block itself are described in ``warnings``.
public struct PhotoMetadata: Sendable, Equatable {
    /// The date tags that say when the photo was taken, as written, in the order they count:
    /// DateTimeOriginal, DateTimeDigitized (exiftool's CreateDate) in the EXIF IFD, the same in
    /// IFD0, then DateTime (IFD0, exiftool's ModifyDate). Not parsed here: MediaFacts'
    /// `TimeStamp` reads them and skips impossible ones.
    public var captureTimes: [ExifDateText]
    /// Camera maker (IFD0 Make), trimmed and cut at the first NUL.
    public var make: String?
    /// Camera model (IFD0 Model), trimmed and cut at the first NUL.
    public var model: String?
    /// EXIF orientation 1–8 (1 = upright, 6 = rotate 90° clockwise to display); other values are dropped.
    public var orientation: Int?
    /// Where the photo was taken, as its GPS tags say it (the caller turns them into a position).
    public var gps: ExifGPSTags?
    /// XPTitle (Windows "Title", UTF-16), else ImageDescription.
    public var title: String?
    /// IFD0 ImageDescription.
    public var description: String?
    /// XPComment (Windows "Comments", UTF-16), else the EXIF UserComment.
    public var comment: String?
    /// PixelXDimension from the EXIF block. Informational: editors often leave it stale.
    public var pixelWidth: Int?
    /// PixelYDimension from the EXIF block. Informational: editors often leave it stale.
    public var pixelHeight: Int?
    /// What is wrong with the metadata, e.g. a broken EXIF block.
    public var warnings: [PhotoMetadataWarning]

    public init(
        captureTimes: [ExifDateText] = [],
        make: String? = nil,
        model: String? = nil,
        orientation: Int? = nil,
        gps: ExifGPSTags? = nil,
        title: String? = nil,
        description: String? = nil,
        comment: String? = nil,
        pixelWidth: Int? = nil,
        pixelHeight: Int? = nil,
        warnings: [PhotoMetadataWarning] = []
    ) {
        self.captureTimes = captureTimes
        self.make = make
        self.model = model
        self.orientation = orientation
        self.gps = gps
        self.title = title
        self.description = description
        self.comment = comment
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        self.warnings = warnings
    }

    /// True when no field was found (warnings aside).
    public var isEmpty: Bool {
        captureTimes.isEmpty && make == nil && model == nil && orientation == nil && gps == nil
            && title == nil && description == nil && comment == nil
            && pixelWidth == nil && pixelHeight == nil
    }
}

/// The EXIF tag a capture time was read from, named as in the EXIF specification.
public enum CaptureTimeTag: String, Sendable, Equatable, CaseIterable {
    /// EXIF DateTimeOriginal (0x9003): when the shutter fired.
    case dateTimeOriginal = "DateTimeOriginal"
    /// EXIF DateTimeDigitized (0x9004), exiftool's CreateDate: when the image was stored.
    case dateTimeDigitized = "DateTimeDigitized"
    /// IFD0 DateTime (0x0132), exiftool's ModifyDate: when the file was last changed.
    case dateTime = "DateTime"
}

/// One date tag as written ("2021:05:23 10:15:30"), with the SubSecTime and OffsetTime
/// companions that belong to it.
public struct ExifDateText: Sendable, Equatable {
    public var tag: CaptureTimeTag
    public var text: String
    public var subsecond: String?
    public var offset: String?

    public init(tag: CaptureTimeTag, text: String, subsecond: String? = nil, offset: String? = nil) {
        (self.tag, self.text, self.subsecond, self.offset) = (tag, text, subsecond, offset)
    }
}

/// A photo's GPS tags as written: degrees/minutes/seconds rationals and the Ref letters, not
/// yet a position (MediaFacts' `GPSPosition` is the one type, and makes one from these).
public struct ExifGPSTags: Sendable, Equatable {
    /// GPSLatitude: degrees, minutes, seconds (some writers give fewer).
    public var latitude: [Double]
    /// GPSLatitudeRef: "N" or "S", nil when absent.
    public var latitudeRef: String?
    public var longitude: [Double]
    /// GPSLongitudeRef: "E" or "W".
    public var longitudeRef: String?
    /// GPSAltitude in metres.
    public var altitude: Double?
    /// GPSAltitudeRef: 1 = below sea level.
    public var altitudeRef: Int?

    public init(latitude: [Double], latitudeRef: String?, longitude: [Double], longitudeRef: String?,
                altitude: Double?, altitudeRef: Int?) {
        (self.latitude, self.latitudeRef, self.longitude, self.longitudeRef) = (latitude, latitudeRef, longitude, longitudeRef)
        (self.altitude, self.altitudeRef) = (altitude, altitudeRef)
    }
}
