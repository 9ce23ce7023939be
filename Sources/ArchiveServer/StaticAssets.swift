import Crypto
import Foundation

/// The pages' style sheets and scripts, each with a strong ETag made from its content. Pages
/// link them by a versioned URL (`/assets/check.js?v=<hash>`), so a browser may keep a file for
/// a year and still fetch the new one the moment a release changes it.
struct StaticAssets: Sendable {
    struct Asset: Sendable {
        var name: String
        var bytes: [UInt8]
        var contentType: String
        /// The first 16 hex digits of the SHA-256 of `bytes`: unique enough among a dozen files,
        /// short enough for every URL of every page.
        var version: String
        /// `"<version>"`: quoted, and strong, since equal tags mean equal bytes.
        var etag: String { "\"\(version)\"" }
        /// Where pages link it.
        var url: String { "\(StaticAssets.path)/\(name)?v=\(version)" }
    }

    static let path = "/assets"
    /// For the versioned URL: its bytes never change.
    static let versionedCaching = "public, max-age=31536000, immutable"
    /// For any other URL of a file: ask every time, with the ETag, and get a 304 if unchanged.
    static let unversionedCaching = "no-cache"

    let byName: [String: Asset]

    init(files: [String: [UInt8]]) {
        byName = Dictionary(uniqueKeysWithValues: files.map { name, bytes in
            let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            return (name, Asset(name: name, bytes: bytes, contentType: Self.contentType(of: name), version: String(digest.prefix(16))))
        })
    }

    /// Every file of Assets/, hashed once at start-up.
    static let embedded = StaticAssets(files: EmbeddedFiles.assets)

    /// The versioned URL of `name`. A name missing from Assets/ is a mistake in a page's list,
    /// which the route tests of that page catch (its link answers 404).
    func url(_ name: String) -> String {
        byName[name]?.url ?? "\(Self.path)/\(name)"
    }

    private static func contentType(of name: String) -> String {
        switch (name as NSString).pathExtension {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
