import Foundation

/// Paths to the committed photo fixtures and to the shared real-world corpus.
enum Fixtures {
    /// `<package>/Tests/Fixtures/photos`, found from this file, not from a bundle.
    static let photos: URL = packageRoot.appendingPathComponent("Tests/Fixtures/photos")

    static func photo(_ name: String) -> String { photos.appendingPathComponent(name).path }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)  // …/Tests/ExifTests/Fixtures.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The shared corpus lives beside the repository (`<packageRoot>/../shared/corpus`);
    /// machines with only the project do not have it.
    static var corpus: URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus").standardizedFileURL
    }

    static var corpusOracle: URL { corpus.appendingPathComponent("oracle/photos-exif.json") }
    /// exiftool's reading of the iOS 18 HEIC, kept apart from the rest (same tags).
    static var iOS18Oracle: URL { corpus.appendingPathComponent("oracle/photos-ios18.json") }

    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpusOracle.path) }
}
