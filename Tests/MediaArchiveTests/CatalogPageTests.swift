import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// `searchPage`: the gallery's pages are exactly the slices of `search`.
struct CatalogPageTests {
    @Test(arguments: [nil, "科技周"]) func pagesAreSlicesOfTheFullSearchInTheSameOrder(text: String?) throws {
        let catalog = Catalog(settings: try CatalogTests.populated())
        var query = CatalogQuery()
        query.text = text
        let all = try catalog.search(query)
        #expect(!all.isEmpty)
        var pages: [CatalogEntry] = []
        var offset = 0
        while true {
            let page = try catalog.searchPage(query, offset: offset, limit: 2)
            #expect(page.offset == offset)
            #expect(page.entries.count <= 2)
            pages += page.entries
            #expect(page.hasMore == (pages.count < all.count), "hasMore says whether anything follows")
            guard page.hasMore else { break }
            offset += 2
        }
        #expect(pages == all)
        #expect(try catalog.searchPage(query, offset: all.count + 5, limit: 2).entries.isEmpty)
    }

    @Test func kindFiltersAreAppliedBeforeCounting() throws {
        let catalog = Catalog(settings: try CatalogTests.populated())
        var photos = CatalogQuery()
        photos.kind = .photo
        let page = try catalog.searchPage(photos, offset: 1, limit: 100)
        #expect(page.entries == Array(try catalog.search(photos).dropFirst()))
        #expect(page.entries.allSatisfy { $0.kind == .photo })
    }
}
