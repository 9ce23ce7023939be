public import Foundation

/// Where one county's objects, thumbnails and catalogue live inside the archive root.
///
/// ```
/// <root>/<slug>/objects/3f/3fa9…e1.mp4    the file, named by the SHA-256 of its bytes
/// <root>/<slug>/thumbs/3f/3fa9…e1.jpg     its thumbnail
/// <root>/<slug>/index/days/2021/2021-05-23/3.json entries dated that day (capture, else ingest)
///                                                  whose SHA-256 starts with 3
/// <root>/<slug>/index/hashes/3f.json      which day holds each SHA-256
/// <root>/<slug>/index/.lock               serialises catalogue updates across processes
/// <root>/<slug>/staging/                  copies in progress (same filesystem, so rename is atomic)
/// ```
///
/// Every path is built from a validated slug, a validated SHA-256 and a validated extension,
/// so nothing a county or a file name says can point outside the archive root.
public struct CountyFolder: Sendable {
    public let root: URL
    public let county: County

    public init(root: URL, county: County) throws {
        guard CountyRegistry.isSafeSlug(county.slug) else {
            throw ArchiveError.unsafeName(county.slug)
        }
        self.root = root.standardizedFileURL
        self.county = county
    }

    public var url: URL { root.appendingPathComponent(county.slug, isDirectory: true) }
    var objects: URL { url.appendingPathComponent("objects", isDirectory: true) }
    var thumbs: URL { url.appendingPathComponent("thumbs", isDirectory: true) }
    var days: URL { url.appendingPathComponent("index/days", isDirectory: true) }
    var hashes: URL { url.appendingPathComponent("index/hashes", isDirectory: true) }
    var lockFile: URL { url.appendingPathComponent("index/.lock") }
    var staging: URL { url.appendingPathComponent("staging", isDirectory: true) }

    /// "hualong/objects/3f/3fa9…e1.mp4": what the catalogue records (relative to the root).
    func objectPath(sha256: SHA256Hash, extension ext: String) -> String {
        "\(county.slug)/objects/\(sha256.bucket)/\(sha256).\(ext)"
    }

    func thumbnailPath(sha256: SHA256Hash) -> String {
        "\(county.slug)/thumbs/\(sha256.bucket)/\(sha256).jpg"
    }

    /// The folder of one day's entries.
    func dayFolder(_ day: CalendarDay) -> URL {
        days.appendingPathComponent(String(format: "%04d", day.year), isDirectory: true)
            .appendingPathComponent(day.description, isDirectory: true)
    }

    /// One of a day's 16 shards, chosen by the first hex digit of the SHA-256, so that adding an
    /// entry to even the busiest day rewrites a sixteenth of it.
    func dayShard(_ day: CalendarDay, sha256: SHA256Hash) -> URL {
        dayFolder(day).appendingPathComponent("\(sha256.hex.prefix(1)).json")
    }

    func hashShard(sha256: SHA256Hash) -> URL {
        hashes.appendingPathComponent("\(sha256.bucket).json")
    }

    /// Resolves a path recorded in the catalogue, refusing anything that leaves this county.
    func resolve(_ relativePath: String) throws -> URL {
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first.map(String.init) == county.slug, parts.count >= 2,
              !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains("\0") }) else {
            throw ArchiveError.unsafeName(relativePath)
        }
        return root.appendingPathComponent(relativePath)
    }
}
