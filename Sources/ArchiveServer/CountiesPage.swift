import MediaArchive

/// The counties table of `GET /`. County names are Chinese in both languages.
enum CountiesPage {
    static func html(_ counties: [CountyReport], deadline: CalendarDay, language: Language) -> String {
        let text = Text.of(language)
        let gallery = GalleryText.of(language)
        let rows = counties.map { county in
            let others = county.byKind.audio + county.byKind.unknown
            return """
                <tr class="county \(rowClass[county.deadline]!)">
                  <td><a href="/search?county=\(county.county)">\(PageShell.escape(county.name))</a></td>
                  <td class="items">\(county.items)</td><td>\(county.byKind.video)</td><td>\(county.byKind.photo)</td>
                  <td>\(county.byKind.document)</td><td>\(others)</td>
                  <td>\(minutes(county.videoMinutes, unit: text.minutes))</td><td class="deadline">\(gallery.deadline(county))</td>
                </tr>
            """
        }
        let missing = counties.filter { $0.deadline == .nothingSubmitted }.map(\.name)
        let summary = missing.isEmpty ? text.allSubmitted : text.notYet(missing.map(PageShell.escape))
        let headers = text.columns.map { "<th>\($0)</th>" }.joined()
        return PageShell.document(title: PageShell.title(PageShell.Text.of(language).gallery, in: language), style: style, body: """
        <main>
          <h1>\(text.heading)</h1>
          <p class="lead">\(text.lead("\(deadline)", summary))</p>
          <table id="counties">
            <thead><tr>\(headers)</tr></thead>
            <tbody>
        \(rows.joined(separator: "\n"))
            </tbody>
          </table>
        </main>

        """, current: .gallery, language: language)
    }

    struct Text: Bilingual {
        var heading: String
        var lead: @Sendable (_ deadline: String, _ summary: String) -> String
        var allSubmitted: String
        var notYet: @Sendable (_ names: [String]) -> String
        var columns: [String]
        var minutes: String

        static let zh = Text(
            heading: "各区县提交情况", lead: { "提交截止日期：\($0)。\($1)点击区县名称查看其全部材料。" },
            allSubmitted: "各区县均已提交。", notYet: { "尚未提交：\($0.joined(separator: "、"))。" },
            columns: ["区县", "件数", "视频", "照片", "文档", "其他", "视频总时长", "截止状态"], minutes: "分钟")
        static let en = Text(
            heading: "What each county has handed in", lead: { "Deadline: \($0). \($1) Click a county to see all it sent." },
            allSubmitted: "Every county has handed something in.", notYet: { "Nothing yet from: \($0.joined(separator: ", "))." },
            columns: ["County", "Items", "Videos", "Photos", "Documents", "Other", "Minutes of video", "Deadline"], minutes: "min")
    }

    private static let rowClass: [CountyReport.DeadlineStatus: String] = [.onTime: "on-time", .late: "late", .nothingSubmitted: "nothing"]

    /// The report's minutes (one decimal) as a reader expects them: "12.5 分钟", "—" for none.
    private static func minutes(_ value: Double, unit: String) -> String {
        guard value > 0 else { return "—" }
        let text = value == value.rounded() ? "\(Int(value))" : "\(value)"
        return "\(text) \(unit)"
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
