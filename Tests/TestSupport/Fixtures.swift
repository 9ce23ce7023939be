import Foundation

/// Where the test media lives. Fixtures are found from this source file's location, so the
/// tests work from any working directory and without bundle resources.
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // TestSupport
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    public static let folder = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// A file in Tests/Fixtures/media.
    public static func media(_ name: String) -> String {
        folder.appendingPathComponent("media").appendingPathComponent(name).path
    }

    /// The shared corpus of real camera files (`../shared/corpus` beside the package), or nil on
    /// a machine that has only the project; tests over it skip there.
    public static let corpus: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("oracle").path) ? url : nil
    }()

    public static let corpusMissingNote = "../shared/corpus is absent on this machine; corpus agreement tests skipped"

    /// A fresh empty folder under the temporary directory, for tests that write.
    public static func temporaryFolder(_ label: String = "media-archive-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Fixtures {
    /// A file in Tests/Fixtures/forms (registration forms as counties send them; hostile files).
    public static func form(_ name: String) -> URL {
        folder.appendingPathComponent("forms").appendingPathComponent(name)
    }
}
