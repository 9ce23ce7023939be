internal import Exif

extension GPSPosition {
    /// The position a photo's GPS tags give: degrees from the degrees/minutes/seconds rationals,
    /// the Ref letters giving the sign. Nil when they give none (out of range, not finite, 0,0).
    init?(exif tags: ExifGPSTags?) {
        guard let tags else { return nil }
        func coordinate(_ parts: [Double], ref: String?, negative: Character) -> Double? {
            guard let degrees = parts.first else { return nil }
            let value = degrees + (parts.count > 1 ? parts[1] / 60 : 0) + (parts.count > 2 ? parts[2] / 3600 : 0)
            guard value.isFinite else { return nil }
            switch ref?.uppercased().first {
            case negative?: return -abs(value)
            case nil: return value  // no Ref: keep the sign of a signed rational
            default: return abs(value)
            }
        }
        guard let latitude = coordinate(tags.latitude, ref: tags.latitudeRef, negative: "S"),
            let longitude = coordinate(tags.longitude, ref: tags.longitudeRef, negative: "W"),
            abs(latitude) <= 90, abs(longitude) <= 180
        else { return nil }
        var altitude = tags.altitude.flatMap { $0.isFinite ? $0 : nil }
        if let metres = altitude, tags.altitudeRef == 1 { altitude = -abs(metres) }
        self.init(checkedLatitude: latitude, longitude: longitude, altitude: altitude)
    }
}
