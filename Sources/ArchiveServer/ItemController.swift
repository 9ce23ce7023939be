import Foundation
import Hummingbird
import MediaArchive

/// `GET /items/:sha256`: one item's page — the picture or the player, everything the
/// catalogue knows about it, and the download link.
struct ItemController<Context: RequestContext>: Sendable {
    let lookup: ItemLookup
    let counties: CountyRegistry

    func addRoutes(to router: Router<Context>) {
        router.get("/items/:\(ItemLookup.parameter)", use: page)
    }

    @Sendable func page(_ request: Request, context: Context) async throws -> Response {
        try await lookup.access.requireBrowsePage(request)
        guard let sha256 = ItemLookup.sha256(in: context) else {
            return MessagePage.response(status: .badRequest, title: "链接无效", request: request,
                                        message: "材料链接的末尾应是 64 位小写十六进制的 SHA-256 编号，这个链接不是。请从画廊或搜索页重新打开。")
        }
        guard let item = try await lookup.find(sha256) else {
            return MessagePage.response(status: .notFound, title: "找不到这件材料", request: request,
                                        message: "档案中没有编号为 \(sha256) 的材料。它可能属于另一个档案，或链接抄错了。")
        }
        let county = (try? counties.resolve(item.entry.county))?.name ?? item.entry.county
        return PageShell.response(ItemPage(item: item, countyName: county).html(), request: request)
    }
}
