import Foundation
import Testing
import TestSupport
@testable import MediaArchive
import MediaFacts

/// What archivists find by: when, where and with what a file was captured.
struct InspectorTests {
    let inspector = Inspector(checker: SubmissionChecker(policy: .defaults))

    func photo(_ name: String) -> String {
        Fixtures.folder.appendingPathComponent("photos").appendingPathComponent(name).path
    }

    @Test func chineseTitleCommentAndSouthWestGPSComeOutRight() throws {
        let result = inspector.inspect(path: photo("chinese-gps.jpg"))
        #expect(result.check.kind == .photo)
        #expect(result.title == "华龙区科技周开幕式")
        #expect(result.comment == "濮阳市华龙区 2021 科技活动周")
        let gps = try #require(result.gps)
        #expect(gps.latitude < 0 && gps.longitude < 0) // south and west are negative
        #expect(abs(gps.latitude - -33.8688) < 1e-6 && abs(gps.longitude - -151.2093) < 1e-6)
        #expect(result.width == 64 && result.height == 48) // the real pixel size
    }

    @Test func aTimeWithoutOffsetIsReadInThePolicyZone() {
        let result = inspector.inspect(path: photo("chinese-gps.jpg"))
        #expect(result.capturedAt == "2021-05-22T09:30:00+08:00")
        #expect(result.capturedAtSource == .exifLocalAssumedZone)
        #expect(result.check.warnings.isEmpty) // inside the event window
    }

    @Test func aTimeWithOffsetAndSubsecondsKeepsBoth() {
        let result = inspector.inspect(path: photo("offset-subsec.jpg"))
        #expect(result.capturedAt == "2021-05-23T10:15:30.120+08:00")
        #expect(result.capturedAtSource == .exifOffset)
        #expect(result.orientation == 6)
        #expect(result.camera == Camera(make: "HUAWEI", model: "ELE-AL00"))
    }

    @Test func anotherZoneInThePolicyChangesAssumedOffsets() {
        var policy = SubmissionPolicy.defaults
        policy.zone = TimeZone(identifier: "Europe/Berlin")!
        let result = Inspector(checker: SubmissionChecker(policy: policy)).inspect(path: photo("chinese-gps.jpg"))
        #expect(result.capturedAt == "2021-05-22T09:30:00+02:00")
    }

    @Test func aHEICPhotoIsReadThroughLibheif() throws {
        let result = inspector.inspect(path: photo("with-exif.heic"))
        #expect(result.check.kind == .photo)
        #expect(result.check.verdict == .pass)
        #expect(result.check.format == "heif")
        #expect(result.capturedAt == "2021-05-25T14:00:00+08:00")
        #expect(result.camera?.model == "iPhone 12")
        #expect(result.comment == "南乐县科普展")
        #expect(result.width == 64 && result.height == 48)
    }

    @Test func aPhotoWithoutEXIFHasNoCaptureTime() {
        let result = inspector.inspect(path: photo("no-exif.jpg"))
        #expect(result.check.verdict == .pass)
        #expect(result.capturedAt == nil)
        #expect(result.capturedAtSource == CaptureTimeSource.none)
    }

    @Test func anIPhoneVideoGivesLocalTimePlaceAndCamera() throws {
        let result = inspector.inspect(path: Fixtures.media("iphone-tagged.mov"))
        #expect(result.capturedAt == "2021-05-23T10:15:30+08:00")
        #expect(result.capturedAtSource == .quickTimeLocal)
        #expect(result.camera == Camera(make: "Apple", model: "iPhone 12"))
        let gps = try #require(result.gps)
        #expect(abs(gps.latitude - 35.7626) < 1e-6 && abs(gps.longitude - 115.0301) < 1e-6)
        #expect(gps.altitude == 52.8)
    }

    @Test func aUTCVideoTimeIsShownInThePolicyZone() throws {
        let result = inspector.inspect(path: Fixtures.media("android-tagged.mp4"))
        #expect(result.capturedAt == "2021-05-24T10:00:00+08:00")
        #expect(result.capturedAtSource == .quickTimeUTC)
        #expect(try #require(result.gps).latitude < 0)
    }

    @Test func aRotatedPhoneVideoReportsItsRotation() {
        let result = inspector.inspect(path: Fixtures.media("phone-rotated.mp4"))
        #expect(result.check.video?.rotation == -90)
        #expect(result.width == 96 && result.height == 54) // as stored
    }

    @Test func capturesOutsideTheEventWindowAreWarnedNotFailed() {
        let sample = Fixtures.packageRoot.appendingPathComponent("Samples/范县-活动照片.jpg").path
        let result = inspector.inspect(path: sample)
        #expect(result.check.verdict == .pass)
        #expect(result.check.warnings.contains { $0.contains("outside the event window 2021-05-22 – 2021-05-28") })
    }

    @Test func jsonCarriesEveryInspectKey() throws {
        let data = try JSONEncoder().encode(inspector.inspect(path: photo("chinese-gps.jpg")))
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let keys: Set = ["path", "kind", "verdict", "reasons", "warnings", "durationSeconds", "durationSource",
                         "format", "video", "audio", "error", "capturedAt", "capturedAtSource", "camera", "gps",
                         "orientation", "title", "description", "comment", "width", "height", "displayWidth", "displayHeight"]
        #expect(Set(object.keys) == keys)
    }
}
