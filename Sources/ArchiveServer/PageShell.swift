import Hummingbird
import MediaArchive

/// What every page of the web app shares: a self-contained HTML document (no external assets)
/// in the reader's language, with the same typeface stack, background and nav bar; each page
/// adds its own style rules and body.
enum PageShell {
    /// The nav bar's entries; a page names its own so the bar can mark it.
    enum Section: String {
        case gallery, search, check, ingest, login
    }

    /// The shell's own words.
    struct Text: Bilingual {
        var site: String
        var gallery, search, check, ingest, login, logout: String
        /// The switch names the other language in that language, so its readers find it.
        var otherLanguage: String

        static let zh = Text(site: "媒体档案", gallery: "画廊", search: "搜索", check: "自查", ingest: "入库",
                             login: "登录", logout: "退出", otherLanguage: "English")
        static let en = Text(site: "Media archive", gallery: "Gallery", search: "Search", check: "Self-check", ingest: "Ingest",
                             login: "Log in", logout: "Log out", otherLanguage: "中文")
    }

    /// "Search · 媒体档案": a page's title with the site's name.
    static func title(_ page: String, in language: Language) -> String {
        "\(page) · \(Text.of(language).site)"
    }

    static func document(title: String, style: String, body: String, current: Section? = nil, language: Language) -> String {
        """
        <!doctype html>
        <html lang="\(language.tag)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
          body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
                 margin: 0; background: #f5f6f8; color: #1d2330; }
          nav.site { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; padding: 10px 16px;
                     background: #1d2330; }
          nav.site a, nav.site button { color: #dfe4ee; text-decoration: none; font: inherit; background: none;
                                        border: 0; padding: 0; cursor: pointer; }
          nav.site a:hover, nav.site button:hover { color: #fff; text-decoration: underline; }
          nav.site a[aria-current] { color: #fff; font-weight: 600; }
          nav.site form { margin: 0; }
          nav.site #nav-language { margin-left: auto; }

        """ + style + """
        </style>
        </head>
        <body>

        """ + nav(current: current, language: language) + body + """
        </body>
        </html>

        """
    }

    /// An HTML page as the response to `request`. Pages are built without knowing the request;
    /// two things are filled in here: the language switch's link (this very URL with `lang=`
    /// set, the other parameters kept), and 退出/Log out (a POST form, since logging out changes
    /// state) in place of the login link for a visitor with the login cookie.
    static func response(_ html: String, status: HTTPResponse.Status = .ok, request: Request) -> Response {
        let language = PageLanguage.of(request)
        let other: Language = language == .zh ? .en : .zh
        let switchLink = QueryLink.to(request.uri.path, keeping: request.uri.queryParameters, setting: PageLanguage.parameter,
                                      to: other.rawValue)
        var page = html
        // Only the nav's placeholder: the nav comes before anything a visitor typed.
        if let placeholder = page.range(of: switchPlaceholder) {
            page.replaceSubrange(placeholder, with: escape(switchLink))
        }
        if request.cookies[Access.cookieName].map({ !$0.value.isEmpty }) == true,
           let login = page.range(of: loginLink(language)) {
            page.replaceSubrange(login, with: logoutForm(language))
        }
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// Text for HTML element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static let switchPlaceholder = "{{LANGUAGE_SWITCH}}"

    private static func loginLink(_ language: Language) -> String {
        #"<a id="nav-account" href="/login">\#(Text.of(language).login)</a>"#
    }

    private static func logoutForm(_ language: Language) -> String {
        #"<form method="post" action="/logout"><button id="nav-account" type="submit">\#(Text.of(language).logout)</button></form>"#
    }

    private static func nav(current: Section?, language: Language) -> String {
        let text = Text.of(language)
        let other: Language = language == .zh ? .en : .zh
        let links: [(Section, String, String)] = [
            (.gallery, "/", text.gallery), (.search, "/search", text.search), (.check, "/check", text.check),
            (.ingest, "/ingest", text.ingest),
        ]
        let marked = { (section: Section, link: String) in
            section == current ? link.replacingOccurrences(of: #"">"#, with: #"" aria-current="page">"#) : link
        }
        let items = links.map { section, href, label in marked(section, #"<a href="\#(href)">\#(label)</a>"#) }
        let languageSwitch = #"<a id="nav-language" href="\#(switchPlaceholder)" hreflang="\#(other.tag)" lang="\#(other.tag)">\#(text.otherLanguage)</a>"#
        let account = marked(.login, loginLink(language))
        return "<nav class=\"site\">\n  " + (items + [languageSwitch, account]).joined(separator: "\n  ") + "\n</nav>\n"
    }
}
