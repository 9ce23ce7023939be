import MediaArchive

/// The counties table of `GET /`.
enum CountiesPage {
    static func html(_ counties: [CountyReport], deadline: CalendarDay) -> String {
        let rows = counties.map { county in
            let others = county.byKind.audio + county.byKind.unknown
            return """
                <tr class="county \(rowClass[county.deadline]!)">
                  <td><a href="/search?county=\(county.county)">\(PageShell.escape(county.name))</a></td>
                  <td class="items">\(county.items)</td><td>\(county.byKind.video)</td><td>\(county.byKind.photo)</td>
                  <td>\(county.byKind.document)</td><td>\(others)</td>
                  <td>\(minutes(county.videoMinutes))</td><td class="deadline">\(GalleryText.deadline(county))</td>
                </tr>
            """
        }
        let missing = counties.filter { $0.deadline == .nothingSubmitted }.map(\.name)
        let summary = missing.isEmpty ? "各区县均已提交。" : "尚未提交：\(missing.map(PageShell.escape).joined(separator: "、"))。"
        return PageShell.document(title: "画廊 · 媒体档案", style: style, body: """
        <main>
          <h1>各区县提交情况</h1>
          <p class="lead">提交截止日期：\(deadline)。\(summary)点击区县名称查看其全部材料。</p>
          <table id="counties">
            <thead><tr><th>区县</th><th>件数</th><th>视频</th><th>照片</th><th>文档</th><th>其他</th><th>视频总时长</th><th>截止状态</th></tr></thead>
            <tbody>
        \(rows.joined(separator: "\n"))
            </tbody>
          </table>
        </main>

        """, current: .gallery)
    }

    private static let rowClass: [CountyReport.DeadlineStatus: String] = [.onTime: "on-time", .late: "late", .nothingSubmitted: "nothing"]

    /// The report's minutes (one decimal) as a reader expects them: "12.5 分钟", "—" for none.
    private static func minutes(_ value: Double) -> String {
        guard value > 0 else { return "—" }
        let text = value == value.rounded() ? "\(Int(value))" : "\(value)"
        return "\(text) 分钟"
    }

    private static let style = """
      main { max-width: 960px; margin: 0 auto; padding: 24px 16px 48px; }
      h1 { font-size: 1.6rem; margin: 0 0 4px; }
      .lead { color: #555d6b; margin: 0 0 20px; }
      table { width: 100%; border-collapse: collapse; background: #fff; border-radius: 12px; overflow: hidden; }
      th, td { padding: 10px 12px; text-align: right; border-bottom: 1px solid #e6e9ef; }
      th:first-child, td:first-child, th:last-child, td:last-child { text-align: left; }
      th { background: #eceff4; font-weight: 600; }
      td a { color: #2f6fde; font-weight: 600; text-decoration: none; }
      tr.nothing td { color: #8a92a0; }
      tr.nothing .deadline { color: #b42e2e; }
      tr.on-time .deadline { color: #1f7a43; }
      tr.late .deadline { color: #a86412; }

    """
}
