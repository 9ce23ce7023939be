public import Foundation

/// A catalogued item found by its SHA-256, with the keys of its bytes in the object store
/// (`<county>/objects/3f/3fa9….mp4`, `<county>/thumbs/3f/3fa9….jpg`), exactly as catalogued.
public struct StoredItem: Sendable {
    public var entry: CatalogEntry
    /// The stored original bytes' key.
    public var object: String
    /// Its thumbnail JPEG's key, when the entry has one.
    public var thumbnail: String?

    /// The stored copy's extension (the detected format's, not the sender's).
    public var objectExtension: String { (object as NSString).pathExtension }
}

extension Catalog {
    /// The item with exactly this SHA-256 in whichever county holds
    /// it (the first in registry order when several do); nil when no county does. The keys
    /// come from the catalogue, never from the caller's text, and the stores resolve them
    /// inside the county's own keys. `inCounty` (a slug): look in that county's catalogue only,
    /// so the same bytes handed in by two counties are each county's own item.
    public func item(sha256: SHA256Hash, inCounty: String? = nil) throws -> StoredItem? {
        for county in settings.counties.counties where inCounty == nil || county.slug == inCounty {
            // A link has no stored file to serve.
            guard let entry = try catalogue.entries(sha256: sha256, county: county).first(where: { $0.object != nil }),
                  let object = entry.object else { continue }
            // Only the county's own keys: an entry naming another's is not served.
            guard object.hasPrefix(county.slug + "/"), entry.thumbnail.map({ $0.hasPrefix(county.slug + "/") }) ?? true else {
                throw ArchiveError.unsafeName(object)
            }
            return StoredItem(entry: entry, object: object, thumbnail: entry.thumbnail)
        }
        return nil
    }
}
