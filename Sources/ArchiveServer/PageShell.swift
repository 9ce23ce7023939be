import Hummingbird
import MediaArchive

/// What the layout (Templates/layout.mustache) shows around every page: the document's language
/// and title, the style sheets and scripts, and the nav bar. Worked out from the request before
/// rendering — the language switch's link (this very URL with `lang=` set, the other parameters
/// kept) and, for a visitor with the login cookie, 退出/Log out in place of 登录/Log in — so no
/// finished HTML is ever edited.
struct PageShell {
    var lang: String
    var title: String
    /// Versioned URLs: site.css, then the page's own.
    var styleSheets: [String]
    var nav: NavBar
    var scripts: [ScriptTag]

    struct ScriptTag {
        var src: String
        /// JSON for the script's `data-page` attribute (HTML-escaped there like any value; the
        /// browser hands the script the JSON as written).
        var settings: String?
    }

    static let siteStyleSheet = "site.css"

    init<Page: HTMLPage>(for page: Page, request: Request, assets: StaticAssets) {
        let language = PageLanguage.of(request)
        lang = language.tag
        title = page.title
        styleSheets = ([Self.siteStyleSheet] + Page.styleSheets).map(assets.url)
        nav = NavBar(current: page.section, request: request, language: language)
        scripts = Page.scripts.enumerated().map { index, name in
            // The page's own script is the last; the ones before it are what it builds on.
            ScriptTag(src: assets.url(name), settings: index == Page.scripts.count - 1 ? page.scriptSettings?.json : nil)
        }
    }
}

/// The nav bar: the sections, the language switch and the account entry.
struct NavBar {
    /// The nav bar's entries; a page names its own so the bar can mark it.
    enum Section {
        case gallery, search, check, ingest, board, login
    }

    struct Link {
        var href: String
        var label: String
        var current: Bool
    }

    /// The other language's link: named in that language, so its readers find it.
    struct LanguageSwitch {
        var href: String
        var tag: String
        var label: String
    }

    /// 登录 (a link) for a visitor, 退出 (a POST form) for someone logged in.
    struct Account {
        var loggedIn: Bool
        var label: String
        var current: Bool
    }

    var links: [Link]
    var languageSwitch: LanguageSwitch
    var account: Account

    init(current: Section?, request: Request, language: Language) {
        let text = Text.of(language)
        let sections: [(Section, String, String)] = [
            (.gallery, "/", text.gallery), (.search, "/search", text.search), (.check, "/check", text.check),
            (.ingest, "/ingest", text.ingest),
        ]
        let loggedIn = request.cookies[Access.cookieName].map { !$0.value.isEmpty } == true
        // The board is for clerks (archivists may look): the login's token says who this is,
        // as ViewerMiddleware verified it for this request.
        let role = loggedIn ? Access.cookieViewer?.token.role : nil
        let board: [(Section, String, String)] = role == .clerk || role == .archivist ? [(.board, "/board", text.board)] : []
        links = (sections + board).map { section, href, label in Link(href: href, label: label, current: section == current) }
        let other: Language = language == .zh ? .en : .zh
        languageSwitch = LanguageSwitch(
            href: QueryLink.to(request.uri.path, keeping: request.uri.queryParameters, setting: PageLanguage.parameter, to: other.rawValue),
            tag: other.tag, label: text.otherLanguage)
        account = Account(loggedIn: loggedIn, label: loggedIn ? text.logout : text.login, current: current == .login)
    }

    /// The site's own words.
    struct Text: Bilingual {
        var site: String
        var gallery, search, check, ingest, board, login, logout: String
        var otherLanguage: String

        static let zh = Text(site: "媒体档案", gallery: "画廊", search: "搜索", check: "自查", ingest: "入库", board: "看板",
                             login: "登录", logout: "退出", otherLanguage: "English")
        static let en = Text(site: "Media archive", gallery: "Gallery", search: "Search", check: "Self-check", ingest: "Ingest", board: "Board",
                             login: "Log in", logout: "Log out", otherLanguage: "中文")
    }

    /// "Search · 媒体档案": a page's title with the site's name.
    static func title(_ page: String, in language: Language) -> String {
        "\(page) · \(Text.of(language).site)"
    }
}
