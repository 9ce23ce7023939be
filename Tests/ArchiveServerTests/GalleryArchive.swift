import ArchiveServer
import Foundation
import HTTPTypes
import MediaArchive
import Testing
import TestSupport

/// A temporary archive filled through the library's own ingest with real fixtures:
/// 清丰县 has the 179.9 s clip, a clip with a Chinese name, a photo with GPS and a PDF;
/// 华龙区 has one photo; the other counties have nothing. Plus an archivist's token.
struct GalleryArchive {
    let settings: ArchiveSettings
    let secret: String
    /// The stored SHA-256 of each fixture, by file name.
    let sha256: [String: String]

    static let qingfengFiles = ["clip-179.9s.mp4", "县 科技周 开幕式.mp4", "photos/chinese-gps.jpg", "summary.pdf"]

    /// The default deadline (2021-06-04) makes today's ingests late.
    init(publicBrowse: Bool = false, deadline: CalendarDay? = nil) throws {
        settings = try makeSettings { policy in
            policy.publicBrowse = publicBrowse
            if let deadline { policy.deadline = deadline }
        }
        secret = try AccessTokens(root: settings.root).create(role: .archivist).secret
        var sha256: [String: String] = [:]
        for (county, files) in [("qingfeng", Self.qingfengFiles), ("hualong", ["photo.jpg"])] {
            let ingester = Ingester(settings: settings, county: try settings.counties.resolve(county))
            let receipts = try ingester.ingest(paths: files.map(Self.path))
            for (file, receipt) in zip(files, receipts) {
                #expect(receipt.status == .stored, "\(file): \(receipt.reasons)")
                sha256[URL(fileURLWithPath: file).lastPathComponent] = receipt.sha256?.hex
            }
        }
        self.sha256 = sha256
    }

    var bearer: HTTPFields { [.authorization: "Bearer \(secret)"] }

    func sha(_ name: String) throws -> String {
        try #require(sha256[name], "\(name) was not ingested")
    }

    /// The fixture's bytes, to compare with what the server sends.
    static func bytes(_ name: String) throws -> [UInt8] {
        let file = qingfengFiles.first { URL(fileURLWithPath: $0).lastPathComponent == name } ?? name
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(file))))
    }

    private static func path(_ file: String) -> String {
        file.hasPrefix("photos/") ? Fixtures.folder.appendingPathComponent(file).path : Fixtures.media(file)
    }
}
