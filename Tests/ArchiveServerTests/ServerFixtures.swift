import ArchiveServer
import Foundation
import Hummingbird
import MediaArchive
import TestSupport

/// An empty archive with the default policy (optionally edited), for route tests.
func makeSettings(_ edit: (inout SubmissionPolicy) -> Void = { _ in }) throws -> ArchiveSettings {
    var settings = try ArchiveSettings.load(root: try Fixtures.temporaryFolder("archive-server-test"))
    edit(&settings.policy)
    // No rounds/ folder: the one round is the policy's week, so an edited deadline is the round's too.
    if settings.rounds.isFromPolicy { settings.rounds = RoundRegistry.fromPolicy(settings.policy) }
    return settings
}

/// A multipart/form-data body holding files in the field `file` (after a text field the server
/// must skip).
struct MultipartUpload {
    static let boundary = "----MediaArchiveTestBoundary7MA4YWxkTrZu0gW"

    var headers: HTTPFields {
        [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
    }
    var body: ByteBuffer

    init(files: [(name: String, contents: Data)], field: String = "file") {
        var buffer = ByteBuffer()
        buffer.writeString("--\(Self.boundary)\r\n")
        buffer.writeString("Content-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n")
        for file in files {
            buffer.writeString("--\(Self.boundary)\r\n")
            buffer.writeString("Content-Disposition: form-data; name=\"\(field)\"; filename=\"\(file.name)\"\r\n")
            buffer.writeString("Content-Type: application/octet-stream\r\n\r\n")
            buffer.writeBytes(file.contents)
            buffer.writeString("\r\n")
        }
        buffer.writeString("--\(Self.boundary)--\r\n")
        body = buffer
    }

    init(fileName: String, contents: Data, field: String = "file") {
        self.init(files: [(fileName, contents)], field: field)
    }

    init(fixture name: String, as fileName: String? = nil) throws {
        try self.init(fixtures: [(name, fileName)])
    }

    /// Fixture files from Tests/Fixtures/media, each sent under its own name or the one given.
    init(fixtures: [(name: String, sentAs: String?)]) throws {
        self.init(files: try fixtures.map { fixture in
            (fixture.sentAs ?? fixture.name, try Data(contentsOf: URL(fileURLWithPath: Fixtures.media(fixture.name))))
        })
    }
}

/// Upload folders this server has left in the temporary directory.
func leftoverUploads() -> Set<String> {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
    return Set(names.filter { $0.hasPrefix("media-archive-upload-") })
}

/// Width and height from a JPEG's start-of-frame marker; nil if the bytes are no JPEG.
func JPEGSize(_ jpeg: Data) -> (width: Int, height: Int)? {
    let bytes = [UInt8](jpeg)
    guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
    var index = 2
    while index + 9 < bytes.count, bytes[index] == 0xFF {
        let marker = bytes[index + 1]
        let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
        if (0xC0...0xC3).contains(marker) {
            return (Int(bytes[index + 7]) << 8 | Int(bytes[index + 8]), Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]))
        }
        index += 2 + length
    }
    return nil
}

/// The app as `serve` builds it, logging warnings and errors only: `swift test` then shows the
/// tests' results, not a line for every request they send.
func testApplication(settings: ArchiveSettings, address: ServerAddress = ServerAddress()) -> some ApplicationProtocol {
    buildApplication(settings: settings, address: address, logLevel: .warning)
}
