import Foundation
import Testing
import TestSupport
@testable import MediaFacts

/// What a clerk or archivist reads about a file: the picture as stored and as shown, and the
/// capture facts, for the formats phones hand in.
struct FileFactsTests {
    let reader = FactsReader(assumedZone: TimeZone(identifier: "Asia/Shanghai")!)

    static func orientation(_ name: String) -> String {
        Fixtures.folder.appendingPathComponent("orientation").appendingPathComponent(name).path
    }

    static func photo(_ name: String) -> String {
        Fixtures.folder.appendingPathComponent("photos").appendingPathComponent(name).path
    }

    @Test func aRotatedJPEGIsStoredTallAndShownWide() {
        let facts = reader.read(path: Self.orientation("exif-6.jpg"), depth: .everything)
        #expect(facts.orientation == 6)
        #expect(facts.storedSize == PixelSize(width: 48, height: 64))
        #expect(facts.displaySize == PixelSize(width: 64, height: 48))
    }

    @Test func aRotatedHEICIsTurnedByItsOwnBoxesNotByEXIF() {
        let facts = reader.read(path: Self.orientation("orientation-6.heic"), depth: .everything)
        #expect(facts.problem == nil)
        #expect(facts.storedSize == PixelSize(width: 48, height: 64))  // ispe
        #expect(facts.displaySize == PixelSize(width: 64, height: 48))  // after irot
    }

    @Test(arguments: ["rotated-90.mp4", "rotated-270.mp4"])
    func aRotatedVideoIsStoredTallAndShownWide(_ name: String) {
        let facts = reader.read(path: Self.orientation(name), depth: .everything)
        #expect(facts.kind == .video)
        #expect(facts.storedSize == PixelSize(width: 48, height: 64))
        #expect(facts.displaySize == PixelSize(width: 64, height: 48))
    }

    @Test func anUpsideDownVideoKeepsItsShape() {
        let facts = reader.read(path: Self.orientation("rotated-180.mp4"), depth: .everything)
        #expect(facts.storedSize == PixelSize(width: 64, height: 48))
        #expect(facts.displaySize == PixelSize(width: 64, height: 48))
    }

    @Test func aHEICLibheifRefusesStillGivesItsFactsWithAWarningNotAnError() {
        let facts = reader.read(path: Self.photo("refused-rotated.heic"), depth: .everything)
        #expect(facts.problem == nil)
        #expect(facts.kind == .photo)
        #expect(facts.storedSize == PixelSize(width: 64, height: 64))
        #expect(facts.displaySize == PixelSize(width: 48, height: 64) || facts.displaySize == PixelSize(width: 64, height: 48))
        #expect(facts.warnings.contains { if case .heifNotDecodable = $0 { true } else { false } })
    }

    @Test func aRefusedHEICKeepsItsDateCameraAndPlace() throws {
        let facts = reader.read(path: Self.photo("refused-by-libheif.heic"), depth: .everything)
        #expect(facts.problem == nil)
        #expect(facts.captured?.iso8601 == "2021-05-25T14:00:00+08:00")
        #expect(facts.camera == Camera(make: "Apple", model: "iPhone 12"))
        #expect(facts.gps?.latitude == 35.7619)
        #expect(facts.storedSize == PixelSize(width: 64, height: 48))
    }

    @Test("The iOS 18 iPhone 15 Pro HEIC: date, offset, camera, orientation 6, stored 4032×3024, shown 3024×4032",
          .enabled(if: Fixtures.corpus != nil, "../shared/corpus is absent on this machine"))
    func iOS18HEIC() throws {
        let path = Fixtures.corpus!.appendingPathComponent("photos/ios18/iPhone_15_Pro_iOS18.heic").path
        let facts = reader.read(path: path, depth: .everything)
        #expect(facts.problem == nil)
        #expect(facts.warnings.isEmpty)
        #expect(facts.format == "heif")
        let captured = try #require(facts.captured)
        #expect(captured.source == .exifOffset)
        #expect(captured.iso8601 == "2025-10-28T14:20:22.164+01:00")
        #expect(facts.camera?.make == "Apple")
        #expect(facts.camera?.model == "iPhone 15 Pro")
        #expect(facts.orientation == 6)
        #expect(facts.storedSize == PixelSize(width: 4032, height: 3024))
        #expect(facts.displaySize == PixelSize(width: 3024, height: 4032))
    }

    @Test("The iOS 18 HEIC's thumbnail is upright (taller than wide)",
          .enabled(if: Fixtures.corpus != nil, "../shared/corpus is absent on this machine"))
    func iOS18Thumbnail() throws {
        let path = Fixtures.corpus!.appendingPathComponent("photos/ios18/iPhone_15_Pro_iOS18.heic").path
        let thumbnail = try ThumbnailMaker(longEdge: 320).thumbnail(path: path)
        #expect(thumbnail.width == 240 && thumbnail.height == 320)
    }

    @Test func aPositionOfExactlyZeroZeroIsNoPosition() {
        #expect(GPSPosition(checkedLatitude: 0, longitude: 0, altitude: 12) == nil)
        #expect(GPSPosition(checkedLatitude: 0, longitude: 115.03, altitude: nil) != nil)
        #expect(ISO6709.parse("+00.0000+000.0000/") == nil)
    }
}
