/// A position in degrees (WGS 84 as cameras record it; south and west negative) and metres
/// above sea level: the one type for photos (EXIF) and videos (ISO 6709), stored as
/// `gps {latitude, longitude, altitude}`.
public struct GPSPosition: Sendable, Equatable, Codable {
    public var latitude: Double
    public var longitude: Double
    /// Metres; negative below sea level.
    public var altitude: Double?

    public init(latitude: Double, longitude: Double, altitude: Double? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    /// A position as a file states it, or nil when it states none: exactly 0°, 0° is what
    /// phones write when they had no fix (a spot in the Gulf of Guinea no hand-in comes from).
    init?(checkedLatitude latitude: Double, longitude: Double, altitude: Double?) {
        guard latitude != 0 || longitude != 0 else { return nil }
        self.init(latitude: latitude, longitude: longitude, altitude: altitude)
    }
}
