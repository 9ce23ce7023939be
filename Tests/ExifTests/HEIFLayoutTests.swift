import Foundation
import Testing

@testable import Exif

/// A HEIF's own boxes, read without libheif: stored and displayed size, the transforms as an
/// EXIF orientation, and the EXIF item of files libheif refuses.
@Suite("HEIF boxes read without libheif")
struct HEIFLayoutTests {
    static let iPhone15iOS18 = Fixtures.corpus.appendingPathComponent("photos/ios18/iPhone_15_Pro_iOS18.heic").path

    @Test("An iOS 18 iPhone 15 Pro photo: stored 4032×3024, shown 3024×4032, turned as EXIF orientation 6",
          .enabled(if: Fixtures.hasCorpus, "the shared corpus (../shared/corpus) is not on this machine"))
    func iOS18Layout() throws {
        let layout = try HEIFLayout.read(path: Self.iPhone15iOS18)
        #expect(layout == HEIFLayout(storedWidth: 4032, storedHeight: 3024, displayWidth: 3024, displayHeight: 4032,
                                     orientation: 6))
    }

    @Test("A HEIC libheif refuses (its EXIF item describes a missing item) still gives its date, camera and GPS")
    func refusedFileKeepsItsMetadata() throws {
        let path = Fixtures.photo("refused-by-libheif.heic")
        #expect(throws: ExifError.self) { try HEIFImageInfo.read(path: path) }  // the premise: libheif says no
        let metadata = try PhotoMetadataReader.read(contentsOf: path)
        #expect(metadata.captureStamp(assumingOffset: 0) == "2021-05-25T14:00:00+08:00")
        #expect(metadata.make == "Apple")
        #expect(metadata.model == "iPhone 12")
        #expect(metadata.position?.latitude == 35.7619)
        #expect(metadata.position?.longitude == 115.0292)
        #expect(metadata.position?.altitude == 52)
        #expect(metadata.warnings.isEmpty)
        let layout = try HEIFLayout.read(path: path)
        #expect(layout == HEIFLayout(storedWidth: 64, storedHeight: 48, displayWidth: 64, displayHeight: 48, orientation: 1))
    }

    @Test("A refused, cropped and rotated HEIC: stored 64×64, shown 64×48 after clap and irot, orientation 6 both ways")
    func refusedRotatedFile() throws {
        let path = Fixtures.photo("refused-rotated.heic")
        #expect(throws: ExifError.self) { try HEIFImageInfo.read(path: path) }
        #expect(try PhotoMetadataReader.read(contentsOf: path).orientation == 6)
        let layout = try HEIFLayout.read(path: path)
        #expect(layout == HEIFLayout(storedWidth: 64, storedHeight: 64, displayWidth: 64, displayHeight: 48, orientation: 6))
    }

    @Test("Where libheif opens the file, the boxes give the same displayed size it does")
    func agreesWithLibheif() throws {
        for path in [Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/orientation/orientation-6.heic").path,
                     Fixtures.photo("with-exif.heic")] {
            let libheif = try HEIFImageInfo.read(path: path)
            let layout = try HEIFLayout.read(path: path)
            #expect(layout.displayWidth == libheif.width, "\(path)")
            #expect(layout.displayHeight == libheif.height, "\(path)")
        }
        let rotated = try HEIFLayout.read(path: Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/orientation/orientation-6.heic").path)
        #expect(rotated.storedWidth == 48 && rotated.storedHeight == 64 && rotated.orientation == 6)
    }

    @Test("A cut-off HEIF is a damaged container; a JPEG is not a HEIF; neither crashes")
    func damage() throws {
        let whole = try Data(contentsOf: URL(fileURLWithPath: Fixtures.photo("with-exif.heic")))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heif-boxes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Cut inside the meta box, then just after ftyp (no meta at all).
        for (name, length, code) in [("cut-meta.heic", 200, ExifError.damagedContainer), ("cut-ftyp.heic", 28, ExifError.damagedContainer)] {
            let path = directory.appendingPathComponent(name).path
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            #expect { try HEIFLayout.read(path: path) } throws: { ($0 as? ExifError)?.code == code }
        }
        #expect { try HEIFLayout.read(path: Fixtures.photo("no-exif.jpg")) } throws: { ($0 as? ExifError)?.code == ExifError.notAPhoto }
    }

    @Test("Every arrangement of irot and imir names the EXIF orientation that shows the picture the same way")
    func transformsAsOrientations() {
        func orientation(_ transforms: [HEIFTransform]) -> Int {
            HEIFLayout(HEIFBoxes(primaryItemID: 1, storedWidth: 4, storedHeight: 3, transforms: transforms)).orientation
        }
        #expect(orientation([]) == 1)
        #expect(orientation([.mirror(leftToRight: true)]) == 2)
        #expect(orientation([.rotation(180)]) == 3)
        #expect(orientation([.mirror(leftToRight: false)]) == 4)
        #expect(orientation([.mirror(leftToRight: true), .rotation(90)]) == 5)   // transpose
        #expect(orientation([.rotation(270)]) == 6)                              // 90° clockwise
        #expect(orientation([.mirror(leftToRight: true), .rotation(270)]) == 7)  // transverse
        #expect(orientation([.rotation(90)]) == 8)
        #expect(orientation([.rotation(90), .rotation(270)]) == 1)
    }

    @Test("Thousands of randomly damaged HEIF headers never crash the box reader")
    func randomDamage() throws {
        let whole = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.photo("refused-rotated.heic"))))
        var generator = SystemRandomNumberGenerator()
        var read = 0
        for _ in 0..<3_000 {
            var damaged = whole
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                damaged[Int.random(in: 0..<min(600, damaged.count), using: &generator)] = .random(in: 0...255, using: &generator)
            }
            if (try? HEIFBoxes.read(InMemoryBytes(storage: damaged))) != nil { read += 1 }
        }
        // Most damage lands in boxes we skip, so most files still read; none may crash or hang.
        #expect(read > 0)
    }
}
