import Foundation
import Hummingbird
import MediaArchive

/// `GET /items/:sha256`: one item's page — the picture or the player, everything the
/// catalogue knows about it, and the download link.
struct ItemController<Context: RequestContext>: Sendable {
    let lookup: ItemLookup
    let counties: CountyRegistry
    let pages: PageRenderer

    func addRoutes(to router: Router<Context>) {
        router.get("/items/:\(ItemLookup.parameter)", use: page)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        let visibility = try await lookup.access.requireBrowsePage(request)
        let language = PageLanguage.of(request)
        let text = ItemPage.Text.of(language)
        guard let sha256 = ItemLookup.sha256(in: context) else {
            let page = MessagePage(title: text.badLinkTitle, message: text.badLink, language: language)
            return try pages.response(page, status: .badRequest, request: request)
        }
        guard var item = try await lookup.find(sha256, visibleTo: visibility) else {
            let page = MessagePage(title: text.notFoundTitle, message: text.notFound(sha256.hex), language: language)
            return try pages.response(page, status: .notFound, request: request)
        }
        // Entries from before rounds show the round and part they are read as.
        item.entry = item.entry.placed(in: lookup.catalog.settings.rounds)
        let county = (try? counties.resolve(item.entry.county))?.name ?? item.entry.county
        return try pages.response(ItemPage(item: item, countyName: county, language: language), request: request)
    }
}
