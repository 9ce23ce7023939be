import Foundation

/// One slice of a search's results, for screens that show a few hundred items at a time.
public struct CatalogPage: Sendable {
    public var entries: [CatalogEntry]
    /// Where this page starts among all the matches.
    public var offset: Int
    /// Whether more entries match after this page.
    public var hasMore: Bool
}

extension Catalog {
    /// Matches `offset ..< offset + limit` of `search(query)`, in the same order. The walk
    /// stops as soon as the page is full, and entries before it are skipped on their stored text
    /// when the query allows (kind, verdict), so a page of a county with 100 000 items costs a
    /// few day files, not the whole catalogue.
    public func searchPage(_ query: CatalogQuery, offset: Int, limit: Int) throws -> CatalogPage {
        if !isEmbedded {
            // Another catalogue (PostgreSQL) has no stored day files to walk: the slice of `search`.
            let all = try search(query)
            let start = min(offset, all.count), end = min(offset + limit, all.count)
            return CatalogPage(entries: Array(all[start..<end]), offset: offset, hasMore: end < all.count)
        }
        let decoder = JSONDecoder()
        var entries: [CatalogEntry] = []
        var skipped = 0
        var hasMore = false
        try forEachLine(query) { line in
            var decoded: CatalogEntry?
            if query.needsDecoding {
                let entry = try decoder.decode(CatalogEntry.self, from: line.json)
                guard query.matches(entry) else { return true }
                decoded = entry
            }
            if skipped < offset {
                skipped += 1
                return true
            }
            if entries.count == limit {
                hasMore = true
                return false
            }
            entries.append(try decoded ?? decoder.decode(CatalogEntry.self, from: line.json))
            return true
        }
        return CatalogPage(entries: entries, offset: offset, hasMore: hasMore)
    }
}
