import Hummingbird

/// A page that only says what went wrong and where to go next (an unknown or malformed item
/// link), so a browser never shows bare JSON.
enum MessagePage {
    static func response(status: HTTPResponse.Status, title: String, request: Request, message: String) -> Response {
        let html = PageShell.document(title: "\(PageShell.escape(title)) · 媒体档案", style: style, body: """
        <main>
          <h1>\(PageShell.escape(title))</h1>
          <p class="error" role="alert">\(PageShell.escape(message))</p>
          <p><a href="/">返回画廊</a> · <a href="/search">搜索</a></p>
        </main>

        """)
        return PageShell.response(html, status: status, request: request)
    }

    private static let style = """
      main { max-width: 640px; margin: 48px auto; padding: 24px; background: #fff; border-radius: 12px; }
      h1 { font-size: 1.4rem; margin: 0 0 12px; }
      .error { color: #b42323; }
      a { color: #2f6fde; }

    """
}
