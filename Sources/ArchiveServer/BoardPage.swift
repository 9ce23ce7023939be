import MediaArchive

/// `GET /board` (Templates/board.mustache): the clerks' view of a round — every county × every
/// part the round asks for (✓ / count / late / missing), the reminder text of what each county
/// still owes, and per county its items with "return for correction" and "reopen forms".
/// An archivist sees the same without the forms (`canChange` false).
struct BoardPage: HTMLPage {
    static let template = "board"
    static let styleSheets = ["board.css"]

    var title: String
    var heading: String
    var lead: String
    var canChange: Bool
    var countyColumn: String
    var columns: [String]
    var rows: [CountyRow]
    var reminderHeading: String
    var reminder: String
    var exportHref: String
    var exportLabel: String
    var itemsHeading: String
    var noItems: String
    var notePlaceholder: String
    var returnLabel: String
    var reopenLabel: String
    var searchLabel: String
    var handOverLabel: String
    var section: NavBar.Section? { .board }

    struct CountyRow {
        var slug: String
        var name: String
        var cells: [Cell]
        var items: [ItemRow]
        var reopenAction: String
        var searchHref: String
        /// The county's round as a BagIt bag in a zip (BoardController+HandOver).
        var handOverHref: String
    }

    struct Cell {
        /// met, late, missing or none: the cell's class.
        var state: String
        var text: String
        var href: String
    }

    struct ItemRow {
        var item: ItemSummary
        /// The return route for this item; nil once it is returned or withdrawn.
        var returnAction: String?
    }

    init(round: Round, status: HandInStatus, items: [String: [HandInItem]], canChange: Bool, language: Language) {
        let text = Text.of(language)
        let words = Wording(language)
        title = NavBar.title(text.board, in: language)
        heading = "\(text.board) · \(round.name)"
        lead = words.statusSummary(round: round, complete: status.counties.filter(\.complete).count, total: status.counties.count)
        self.canChange = canChange
        countyColumn = text.county
        let shown = Part.allCases.filter { part in round.need(part) > 0 || status.counties.contains { $0.part(part).have > 0 } }
        columns = shown.map { $0.name(in: language) }
        rows = status.counties.map { county in
            let anchor = "#county-\(county.county)"
            return CountyRow(
                slug: county.county, name: county.name,
                cells: shown.map { Self.cell(county.part($0), href: anchor, text: text) },
                items: (items[county.county] ?? []).map { Self.itemRow($0, county: county.county, round: round.id, canChange: canChange, language: language) },
                reopenAction: "/api/forms/reopen?county=\(county.county)&round=\(round.id)",
                searchHref: "/search?county=\(county.county)",
                handOverHref: "/board/handover.zip?county=\(county.county)&round=\(round.id)")
        }
        reminderHeading = text.reminderHeading
        let owing = status.counties.filter { !$0.complete }
        reminder = owing.isEmpty ? text.nothingOwed : owing.map(words.stillOwes).joined(separator: "\n")
        exportHref = "/board/forms.xlsx?round=\(round.id)"
        exportLabel = text.exportLabel
        itemsHeading = text.itemsHeading
        noItems = text.noItems
        notePlaceholder = text.notePlaceholder
        returnLabel = text.returnLabel
        reopenLabel = text.reopenLabel
        searchLabel = text.searchLabel
        handOverLabel = text.handOverLabel
    }

    /// The board's own words.
    struct Text: Bilingual {
        var board, county, reminderHeading, nothingOwed, exportLabel, itemsHeading, noItems: String
        var notePlaceholder, returnLabel, reopenLabel, searchLabel, handOverLabel, missing, late: String

        static let zh = Text(board: "提交看板", county: "县区", reminderHeading: "催交提醒（可复制）", nothingOwed: "所有县区均已齐全。",
                             exportLabel: "下载备案表汇总（XLSX）", itemsHeading: "本轮材料", noItems: "还没有提交材料。",
                             notePlaceholder: "需要修改什么", returnLabel: "退回修改", reopenLabel: "重新开放备案表",
                             searchLabel: "在搜索中查看", handOverLabel: "下载移交包（BagIt，ZIP）", missing: "缺", late: " 逾期")
        static let en = Text(board: "Hand-in board", county: "County", reminderHeading: "Reminder (ready to copy)",
                             nothingOwed: "Every county has handed in everything.", exportLabel: "Download the consolidated forms (XLSX)",
                             itemsHeading: "Items of this round", noItems: "Nothing handed in yet.", notePlaceholder: "What to correct",
                             returnLabel: "Return for correction", reopenLabel: "Reopen the forms", searchLabel: "Show in search",
                             handOverLabel: "Download the hand-over (BagIt, zip)",
                             missing: "missing", late: " late ")
    }

    /// "✓ 2", "1/3", "missing", each with " late N" when some of it came after the due day.
    static func cell(_ part: PartStatus, href: String, text words: Text) -> Cell {
        if part.need == 0 && part.have == 0 { return Cell(state: "none", text: "—", href: href) }
        var text = part.isMet ? "✓ \(part.have)" : part.have == 0 ? words.missing : "\(part.have)/\(part.need)"
        if part.late > 0 { text += "\(words.late)\(part.late)" }
        let state = part.late > 0 ? "late" : part.isMet ? "met" : "missing"
        return Cell(state: state, text: text, href: href)
    }

    static func itemRow(_ item: HandInItem, county: String, round: String, canChange: Bool, language: Language) -> ItemRow {
        let part = item.entry.part ?? .other
        let open = canChange && item.mark == nil
        return ItemRow(item: ItemSummary(item, language: language),
                       returnAction: open ? "/api/items/\(item.entry.sha256)/return?county=\(county)&round=\(round)&part=\(part.rawValue)" : nil)
    }
}

/// A withdraw or return mark as the portal and the board show it.
enum MarkWords {
    static func text(_ mark: MarkKind?, in language: Language) -> String? {
        let zh = language == .zh
        return switch mark {
        case .withdrawn: zh ? "已撤回" : "withdrawn"
        case .returned: zh ? "退回修改" : "returned for correction"
        default: nil
        }
    }
}
