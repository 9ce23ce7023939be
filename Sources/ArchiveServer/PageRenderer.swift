import Hummingbird
import Mustache
import NIOCore

/// Turns a page value into its HTML response: the page's template, inside the layout, over
/// `{shell, page}`. Mustache HTML-escapes every `{{value}}`, so what visitors typed or handed
/// in (names of counties, files and clerks) always shows as text.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let assets: StaticAssets

    /// The templates are parsed here, once, when the router is built.
    init(library: MustacheLibrary = PageTemplates.library(), assets: StaticAssets = .embedded) {
        self.library = library
        self.assets = assets
    }

    /// What the layout and the page's template render: the names they use.
    struct View<Page: HTMLPage> {
        var shell: PageShell
        var page: Page
    }

    func html<Page: HTMLPage>(_ page: Page, request: Request) throws -> String {
        let view = View(shell: PageShell(for: page, request: request, assets: assets), page: page)
        guard let html = library.render(view, withTemplate: Page.template) else {
            throw ServerError(status: .internalServerError, message: "the page template \(Page.template) is missing from the server")
        }
        return html
    }

    /// Pages are never cached: they show the catalogue as it is now, and who is logged in.
    func response<Page: HTMLPage>(_ page: Page, status: HTTPResponse.Status = .ok, request: Request) throws -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: try html(page, request: request))))
    }
}

/// The pages' Mustache templates out of the binary (EmbeddedFiles), registered under their names
/// so pages can name `layout` as their parent and share partials such as `drop-zone`.
enum PageTemplates {
    static func library() -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, bytes) in EmbeddedFiles.templates {
            do {
                try library.register(String(decoding: bytes, as: UTF8.self), named: name)
            } catch {
                // The templates are compiled into this very binary, and the route tests render
                // every one: a template that does not parse can only be a mistake in this commit.
                preconditionFailure("Templates/\(name).mustache does not parse: \(error)")
            }
        }
        return library
    }
}
