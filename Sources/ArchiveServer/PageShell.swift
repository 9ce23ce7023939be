import Hummingbird

/// What every page of the web app shares: a self-contained HTML document in Chinese (no
/// external assets) with the same typeface stack, background and nav bar; each page adds its
/// own style rules and body.
enum PageShell {
    /// The nav bar's entries; a page names its own so the bar can mark it.
    enum Section: String {
        case gallery, search, check, ingest, login
    }

    static func document(title: String, style: String, body: String, current: Section? = nil) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
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
          nav.site > :last-child { margin-left: auto; }

        """ + style + """
        </style>
        </head>
        <body>

        """ + nav(current: current) + body + """
        </body>
        </html>

        """
    }

    /// An HTML page as the response to `request`: a visitor with the login cookie sees
    /// 退出 (a POST form, since logging out changes state) where others see 登录. Pages are
    /// built once with the login link; only this swap happens per request.
    static func response(_ html: String, status: HTTPResponse.Status = .ok, request: Request) -> Response {
        let page = request.cookies[Access.cookieName].map { !$0.value.isEmpty } == true
            ? html.replacingOccurrences(of: loginLink, with: logoutForm)
            : html
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// Text for HTML element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static let loginLink = #"<a id="nav-account" href="/login">登录</a>"#
    private static let logoutForm = #"<form method="post" action="/logout"><button id="nav-account" type="submit">退出</button></form>"#

    private static func nav(current: Section?) -> String {
        let links: [(Section, String, String)] = [
            (.gallery, "/", "画廊"), (.search, "/search", "搜索"), (.check, "/check", "自查"), (.ingest, "/ingest", "入库"),
        ]
        let items = links.map { section, href, label in
            #"<a href="\#(href)"\#(section == current ? #" aria-current="page""# : "")>\#(label)</a>"#
        }
        let account = current == .login ? loginLink.replacingOccurrences(of: ">登录", with: #" aria-current="page">登录"#) : loginLink
        return "<nav class=\"site\">\n  " + (items + [account]).joined(separator: "\n  ") + "\n</nav>\n"
    }
}
