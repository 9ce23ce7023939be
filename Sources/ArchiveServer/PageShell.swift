/// What every page of the web app shares: a self-contained HTML document in Chinese (no
/// external assets) with the same typeface stack and background; each page adds its own style
/// rules and body.
enum PageShell {
    static func document(title: String, style: String, body: String) -> String {
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

        """ + style + """
        </style>
        </head>
        <body>

        """ + body + """
        </body>
        </html>

        """
    }
}
