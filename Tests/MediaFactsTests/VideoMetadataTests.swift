import Foundation
import Testing
@testable import MediaFacts

struct VideoMetadataTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test func appleLocalTimeWinsOverUTC() {
        let metadata = VideoMetadata(tags: [
            "creation_time": "2021-05-23T02:15:30.000000Z",
            "com.apple.quicktime.creationdate": "2021-05-23T11:15:30+0900",
        ], zone: shanghai)
        #expect(metadata.capturedAt?.iso8601 == "2021-05-23T11:15:30+09:00")
        #expect(metadata.capturedAt?.source == .quickTimeLocal)
    }

    @Test func encoderPlaceholderDatesAreNotCaptureTimes() {
        let metadata = VideoMetadata(tags: ["creation_time": "1970-01-01T00:00:00.000000Z"], zone: shanghai)
        #expect(metadata.capturedAt == nil)
    }

    @Test func androidMakeAndModelAreRead() {
        let metadata = VideoMetadata(tags: ["com.android.manufacturer": "Xiaomi", "com.android.model": "M2102K1C"], zone: shanghai)
        #expect(metadata.camera == Camera(make: "Xiaomi", model: "M2102K1C"))
    }

    @Test(arguments: [
        ("+35.7626+115.0301/", 35.7626, 115.0301, nil),
        ("+35.7626+115.0301+052.800/", 35.7626, 115.0301, 52.8),
        ("-33.8688-151.2093/", -33.8688, -151.2093, nil),
        ("+3545.756+11501.806/", 35.7626, 115.0301, nil), // degrees and minutes
    ] as [(String, Double, Double, Double?)])
    func iso6709PointsAreParsed(text: String, latitude: Double, longitude: Double, altitude: Double?) throws {
        let position = try #require(ISO6709.parse(text))
        #expect(abs(position.latitude - latitude) < 1e-4)
        #expect(abs(position.longitude - longitude) < 1e-4)
        #expect(position.altitude == altitude)
    }

    @Test(arguments: ["", "nowhere", "+95.0+10.0/", "+10.0+190.0/"])
    func nonsenseLocationsAreIgnored(_ text: String) {
        #expect(ISO6709.parse(text) == nil)
    }
}
