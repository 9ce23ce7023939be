import MediaArchive

/// The counties table of `GET /` (Templates/counties.mustache): what each county has handed in
/// and whether it met the deadline. County names are Chinese in both languages.
struct CountiesPage: HTMLPage {
    static let template = "counties"
    static let styleSheets = ["counties.css"]

    var title: String
    var heading: String
    var lead: String
    var columns: [String]
    var rows: [Row]
    var section: NavBar.Section? { .gallery }

    struct Row {
        /// The row's class, which colours its deadline cell: on-time, late or nothing.
        var status: String
        var searchHref: String
        var name: String
        var items, videos, photos, documents, others: Int
        var videoMinutes: String
        var deadline: String
    }

    init(_ counties: [CountyReport], deadline: CalendarDay, language: Language) {
        let text = Text.of(language)
        let gallery = GalleryText.of(language)
        title = NavBar.title(NavBar.Text.of(language).gallery, in: language)
        heading = text.heading
        let missing = counties.filter { $0.deadline == .nothingSubmitted }.map(\.name)
        lead = text.lead("\(deadline)", missing.isEmpty ? text.allSubmitted : text.notYet(missing))
        columns = text.columns
        rows = counties.map { county in
            Row(status: Self.rowClass[county.deadline] ?? "", searchHref: "/search?county=\(county.county)", name: county.name,
                items: county.items, videos: county.byKind.video, photos: county.byKind.photo, documents: county.byKind.document,
                others: county.byKind.audio + county.byKind.unknown,
                videoMinutes: Self.minutes(county.videoMinutes, unit: text.minutes), deadline: gallery.deadline(county))
        }
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
}
