public import Foundation

/// A catalogued item found by its SHA-256, with its files resolved inside its county's folder.
public struct StoredItem: Sendable {
    public var entry: CatalogEntry
    /// The stored original bytes.
    public var object: URL
    /// Its thumbnail JPEG, when the entry has one.
    public var thumbnail: URL?
}

extension Catalog {
    /// The item with exactly this SHA-256 (64 lower-case hex digits) in whichever county holds
    /// it (the first in registry order when several do), found through each county's
    /// SHA-256 → day locator; nil when no county does. The paths come from the catalogue and
    /// are resolved inside the county's folder, never from the caller's text.
    /// `inCounty` (a slug): look in that county's catalogue only, so the same bytes handed in
    /// by two counties are each county's own item.
    public func item(sha256: String, inCounty: String? = nil) throws -> StoredItem? {
        guard Self.isSHA256(sha256) else { throw ArchiveError.unsafeName(sha256) }
        for county in settings.counties.counties where inCounty == nil || county.slug == inCounty {
            let catalog = try countyCatalog(county)
            // A link has no stored file to serve.
            guard let entry = try catalog.entries(sha256: sha256).first(where: { $0.object != nil }),
                  let objectPath = entry.object else { continue }
            return StoredItem(entry: entry,
                              object: try catalog.folder.resolve(objectPath),
                              thumbnail: try entry.thumbnail.map { try catalog.folder.resolve($0) })
        }
        return nil
    }

    /// Exactly 64 lower-case hex digits: the only text that may name an item.
    public static func isSHA256(_ text: String) -> Bool {
        CountyFolder.isSHA256(text)
    }
}
