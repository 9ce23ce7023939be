import Foundation
import Testing

@testable import Exif

@Suite("ExifDataHandle on damaged input")
struct ExifDataHandleTests {
    /// A small deterministic generator, so a failure can be replayed.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Thousands of randomly damaged EXIF blocks never crash the reader", arguments: [
        "chinese-gps.jpg", "offset-subsec.jpg", "zero-date.jpg",
    ])
    func randomDamage(fixture: String) throws {
        let file = try PhotoFile(path: Fixtures.photo(fixture))
        let payload = try #require(ExifBlockFinder.jpeg(file).payload)
        var random = SplitMix64(state: 2021_05_22)
        for _ in 0..<2000 {
            var damaged = payload
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let index = Int.random(in: 6..<damaged.count, using: &random)  // keep "Exif\0\0"
                damaged[index] = UInt8.random(in: 0...255, using: &random)
            }
            if Bool.random(using: &random) { damaged.removeLast(Int.random(in: 0..<damaged.count - 6, using: &random)) }
            let handle = try #require(ExifDataHandle(exifPayload: damaged))
            _ = PhotoMetadata(tags: handle.tags)  // every accessor must cope with whatever survived
        }
    }

    @Test("An empty or header-only payload yields no tags")
    func emptyPayload() throws {
        #expect(try #require(ExifDataHandle(exifPayload: [])).tags.isEmpty)
        #expect(try #require(ExifDataHandle(exifPayload: ExifBlockFinder.exifHeader)).tags.isEmpty)
    }

    @Test("libexif is not allowed to invent tags: no DateTime appears in a block without one")
    func noSpecificationFixups() throws {
        let file = try PhotoFile(path: Fixtures.photo("chinese-gps.jpg"))
        let payload = try #require(ExifBlockFinder.jpeg(file).payload)
        let tags = try #require(ExifDataHandle(exifPayload: payload)).tags
        #expect(tags.entry(PhotoMetadata.Tag.dateTime, in: .primary) == nil)
        #expect(tags.entry(PhotoMetadata.Tag.orientation, in: .primary) == nil)
    }
}
