import MediaArchive

/// The counties table of `GET /` (Templates/counties.mustache): for one round, each county's
/// have/need per part of the notice and whether its hand-in is complete or what it still owes.
/// County names are Chinese in both languages.
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
        /// complete or incomplete: the row's class.
        var state: String
        var searchHref: String
        var name: String
        var parts: [PartCell]
        /// "已交齐" or "尚缺：总结、照片".
        var summary: String
    }

    struct PartCell {
        /// met, missing or late (met, but some of it after the due day): the cell's class.
        var state: String
        /// "1/1", or just the count for a part the round does not require.
        var figures: String
    }

    init(round: Round, status: HandInStatus, language: Language) {
        let text = Text.of(language)
        title = NavBar.title(NavBar.Text.of(language).gallery, in: language)
        heading = text.heading
        let dueDays = [round.registrationDeadline.map { text.formsDue("\($0)") }, text.due("\(round.deadline)")].compactMap { $0 }
        let incomplete = status.counties.filter { !$0.complete }.map(\.name)
        lead = text.round(round) + dueDays.joined() + (incomplete.isEmpty ? text.allComplete : text.notYet(incomplete)) + text.click
        // The parts the round requires, and any other that some county handed in.
        let shown = Part.allCases.filter { part in round.need(part) > 0 || status.counties.contains { $0.part(part).have > 0 } }
        columns = [text.county] + shown.map { $0.name(in: language) } + [text.state]
        rows = status.counties.map { county in
            Row(state: county.complete ? "complete" : "incomplete",
                searchHref: "/search?county=\(county.county)&round=\(round.id)", name: county.name,
                parts: shown.map { part in
                    let figures = county.part(part)
                    let state = !figures.isMet ? "missing" : figures.late > 0 ? "late" : "met"
                    return PartCell(state: state, figures: figures.need > 0 ? "\(figures.have)/\(figures.need)" : "\(figures.have)")
                },
                summary: county.complete ? text.complete : text.owes(county.missing.map { $0.name(in: language) }))
        }
    }

    struct Text: Bilingual {
        var heading: String
        /// The round by its name; in English by its id, since names are Chinese.
        var round: @Sendable (Round) -> String
        var formsDue: @Sendable (_ day: String) -> String
        var due: @Sendable (_ day: String) -> String
        var allComplete: String
        var notYet: @Sendable (_ names: [String]) -> String
        var click: String
        var county, state, complete: String
        var owes: @Sendable (_ parts: [String]) -> String

        static let zh = Text(
            heading: "各区县提交情况", round: { "\($0.name)。" }, formsDue: { "备案表截止：\($0)；" }, due: { "材料截止：\($0)。" },
            allComplete: "各区县均已交齐。", notYet: { "尚未交齐：\($0.joined(separator: "、"))。" },
            click: "点击区县名称查看其本轮材料。", county: "区县", state: "状态", complete: "已交齐",
            owes: { "尚缺：\($0.joined(separator: "、"))" })
        static let en = Text(
            heading: "What each county has handed in", round: { "Round \($0.id). " }, formsDue: { "Forms due \($0); " },
            due: { "hand-ins due \($0). " },
            allComplete: "Every county has handed in all the round requires. ",
            notYet: { "Not complete yet: \($0.joined(separator: ", ")). " },
            click: "Click a county to see what it sent for this round.", county: "County", state: "Status", complete: "complete",
            owes: { "still owes: \($0.joined(separator: ", "))" })
    }
}
