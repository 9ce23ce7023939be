import Foundation

/// Where and when a video was shot, and on what, from its container tags.
struct VideoMetadata: Equatable {
    var capturedAt: CaptureTime?
    var camera: Camera?
    var gps: GPSPosition?
    var title: String?
    var description: String?

    /// Reads QuickTime/MP4 tags as iPhones, Android phones and cameras write them.
    ///
    /// Apple's `com.apple.quicktime.creationdate` is local time with its offset and wins over
    /// `creation_time`, which is UTC (shown in the policy's zone, `quicktime-utc`).
    init(tags: [String: String], zone: TimeZone) {
        func tag(_ names: String...) -> String? {
            for name in names {
                if let value = tags[name]?.trimmingCharacters(in: .whitespacesAndNewlines.union(["\0"])), !value.isEmpty {
                    return value
                }
            }
            return nil
        }

        if let apple = tag("com.apple.quicktime.creationdate"), let parsed = TimeStamp.parseISO8601(apple) {
            capturedAt = CaptureTime.local(parsed.fields, utcOffsetSeconds: parsed.offset, zone: zone,
                                           source: parsed.offset != nil ? .quickTimeLocal : .quickTimeLocalAssumedZone)
        } else if let utc = tag("creation_time"), let parsed = TimeStamp.parseISO8601(utc),
                  let date = parsed.fields.date(utcOffsetSeconds: parsed.offset ?? 0, zone: zone),
                  !Self.isPlaceholder(date) {
            capturedAt = CaptureTime(date: date, utcOffsetSeconds: zone.secondsFromGMT(for: date), source: .quickTimeUTC)
        }

        let make = tag("com.apple.quicktime.make", "com.android.manufacturer", "make")
        let model = tag("com.apple.quicktime.model", "com.android.model", "model")
        if make != nil || model != nil { camera = Camera(make: make, model: model) }

        if let location = tag("com.apple.quicktime.location.ISO6709", "location", "location-eng") {
            gps = ISO6709.parse(location)
        }
        title = tag("title", "com.apple.quicktime.title")
        description = tag("description", "comment", "com.apple.quicktime.description")
    }

    /// Encoders write 1904-01-01 or 1970-01-01 for "unknown"; before 1995 no camera wrote this file.
    private static func isPlaceholder(_ date: Date) -> Bool {
        date < Date(timeIntervalSince1970: 788_918_400)
    }
}

/// ISO 6709 point strings as phones write them: "+34.7675+115.0423+052.800/".
enum ISO6709 {
    static func parse(_ text: String) -> GPSPosition? {
        let pattern = #"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?(?:CRS.*)?/?$"#
        guard let match = text.trimmingCharacters(in: .whitespaces).wholeMatch(of: try! Regex(pattern)),
              let latitudeText = match.output[1].substring, let longitudeText = match.output[2].substring,
              let latitude = degrees(String(latitudeText), degreeDigits: 2),
              let longitude = degrees(String(longitudeText), degreeDigits: 3),
              abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        let altitude = match.output[3].substring.flatMap { Double($0) }
        return GPSPosition(checkedLatitude: latitude, longitude: longitude, altitude: altitude)
    }

    /// ISO 6709 allows ±DD.D, ±DDMM.M and ±DDMMSS.S (three degree digits for longitude).
    private static func degrees(_ text: String, degreeDigits: Int) -> Double? {
        let sign: Double = text.hasPrefix("-") ? -1 : 1
        let body = text.dropFirst()
        let integerDigits = body.prefix { $0 != "." }.count
        guard let value = Double(body) else { return nil }
        switch integerDigits - degreeDigits {
        case 2: // DDMM.M
            let whole = (value / 100).rounded(.down)
            return sign * (whole + (value - whole * 100) / 60)
        case 4: // DDMMSS.S
            let d = (value / 10_000).rounded(.down)
            let m = ((value - d * 10_000) / 100).rounded(.down)
            let s = value - d * 10_000 - m * 100
            return sign * (d + m / 60 + s / 3600)
        default:
            return sign * value
        }
    }
}
