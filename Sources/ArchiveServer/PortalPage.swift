import MediaArchive

/// `GET /portal` (Templates/portal.mustache): a county's checklist for a round — each part's
/// have/need, due day and late count — and its items with their marks and the clerk's notes.
/// Read-only for now; handing in goes through `/api/handin` (the upload area is not built yet).
struct PortalPage: HTMLPage {
    static let template = "portal"

    var title: String
    var heading: String
    var lead: String
    var columns: [String]
    var parts: [PartRow]
    var itemsHeading: String
    var items: [ItemRow]
    var noItems: String

    struct PartRow {
        /// met, missing or late: the row's class.
        var state: String
        var name: String
        var have: Int
        var need: Int
        var due: String
        var late: Int
    }

    struct ItemRow {
        var sha256: String
        var name: String
        var part: String
        var ingestedAt: String
        var markText: String?
        var note: String?
    }

    init(county: County, round: Round, status: CountyStatus, items: [HandInItem], language: Language) {
        let zh = language == .zh
        title = NavBar.title(zh ? "区县提交" : "County hand-in", in: language)
        heading = "\(county.name) · \(round.name)"
        let missing = status.missing.map { $0.name(in: language) }
        lead = missing.isEmpty ? (zh ? "本轮要求的材料已全部提交。" : "Everything the round requires is handed in.")
            : (zh ? "尚缺：" + missing.joined(separator: "、") : "Still owed: " + missing.joined(separator: ", "))
        columns = zh ? ["材料", "已交", "要求", "截止", "逾期"] : ["Part", "Have", "Need", "Due", "Late"]
        parts = Part.allCases.filter { round.need($0) > 0 || status.part($0).have > 0 }.map { part in
            let figures = status.part(part)
            let state = figures.late > 0 ? "late" : figures.isMet ? "met" : "missing"
            return PartRow(state: state, name: part.name(in: language), have: figures.have, need: figures.need,
                           due: "\(round.due(part))", late: figures.late)
        }
        itemsHeading = zh ? "已提交的材料" : "Handed in"
        noItems = zh ? "还没有提交材料。" : "Nothing handed in yet."
        self.items = items.map { item in
            return ItemRow(sha256: item.entry.sha256, name: item.entry.originalNames.first ?? item.entry.sha256,
                           part: (item.entry.part ?? .other).name(in: language), ingestedAt: item.entry.ingestedAt,
                           markText: MarkWords.text(item.mark?.mark, in: language), note: item.mark?.note)
        }
    }
}
