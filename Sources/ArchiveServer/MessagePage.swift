import Hummingbird
import MediaArchive

/// A page that only says what went wrong and where to go next (an unknown or malformed item
/// link), so a browser never shows bare JSON.
enum MessagePage {
    static func response(status: HTTPResponse.Status, title: String, request: Request, message: String) -> Response {
        let language = PageLanguage.of(request)
        let shell = PageShell.Text.of(language)
        let html = PageShell.document(title: PageShell.title(PageShell.escape(title), in: language), style: style, body: """
        <main>
          <h1>\(PageShell.escape(title))</h1>
          <p class="error" role="alert">\(PageShell.escape(message))</p>
          <p><a href="/">\(shell.gallery)</a> · <a href="/search">\(shell.search)</a></p>
        </main>

        """, language: language)
        return PageShell.response(html, status: status, request: request)
    }

    private static let style = """
      main { max-width: 640px; margin: 48px auto; padding: 24px; background: #fff; border-radius: 12px; }
      h1 { font-size: 1.4rem; margin: 0 0 12px; }
      .error { color: #b42323; }
      a { color: #2f6fde; }

    """
}
