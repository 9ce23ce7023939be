import Foundation
import Testing
import TestSupport
@testable import ArchiveBackends
@testable import MediaArchive
import S3Store

/// The real Ceph RGW and PostgreSQL these tests use, from the variables
/// scripts/with-services.sh exports (as `make test` and CI run them).
enum Services {
    static let environment = ProcessInfo.processInfo.environment
    static let s3 = try? S3Configuration.fromEnvironment()
    static let catalogueURL = environment["MEDIA_ARCHIVE_TEST_CATALOGUE"].flatMap { $0.hasPrefix("postgres") ? $0 : nil }

    static var areRunning: Bool { s3 != nil && catalogueURL != nil }

    static let skipMessage: Comment =
        "backend tests need a real S3 store and PostgreSQL: run them under scripts/with-services.sh (as `make test` does), which starts a throwaway Ceph RGW and PostgreSQL and sets MEDIA_ARCHIVE_S3_ENDPOINT, the AWS_* keys and MEDIA_ARCHIVE_TEST_CATALOGUE"

    /// A fresh bucket and a fresh database (its schema made by the catalogue's migrations),
    /// so tests running at once never see each other's objects or rows.
    static func fresh() throws -> (store: S3ObjectStore, catalogue: PostgresCatalogue, bucket: String, catalogueURL: String) {
        let client = S3Client(configuration: try #require(s3))
        let bucket = "backends-" + UUID().uuidString.lowercased().prefix(18)
        try Blocking.run { try await client.createBucket(bucket) }
        let url = try PostgresCatalogue.createDatabase(like: try #require(catalogueURL), named: "test_" + UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(16))
        return (S3ObjectStore(client: client, bucket: bucket), try PostgresCatalogue(url: url), bucket, url)
    }

    /// An archive folder with the repository's policy and counties (the settings; with S3 and
    /// PostgreSQL it holds nothing else).
    static func archiveFolder() throws -> URL {
        let root = try Fixtures.temporaryFolder("archive")
        for file in ["policy.json", "counties.json"] {
            try FileManager.default.copyItem(at: Fixtures.packageRoot.appendingPathComponent("Archive/\(file)"),
                                            to: root.appendingPathComponent(file))
        }
        return root
    }

    static var binary: URL { ChildProcess.builtBinary }

    /// `media-archive ARGUMENTS --store s3://BUCKET --catalogue …`, as a process.
    static func process(_ arguments: [String], bucket: String, catalogue: String) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + ["--store", "s3://\(bucket)", "--catalogue", catalogue]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Copies of summary.pdf that differ in a trailing comment: distinct documents that pass.
    static func distinctDocuments(_ count: Int, padding: Int = 0, tag: String = "") throws -> [String] {
        let folder = try Fixtures.temporaryFolder("documents")
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.media("summary.pdf")))
        return try (0..<count).map { index in
            var bytes = original
            bytes.append(Data("\n%\(tag) copy \(index)\n".utf8))
            if padding > 0 {
                var generator = SystemRandomNumberGenerator()
                bytes.append(Data((0..<padding).map { _ in UInt8.random(in: 0...255, using: &generator) }))
            }
            let url = folder.appendingPathComponent("report-\(index).pdf")
            try bytes.write(to: url)
            return url.path
        }
    }
}
