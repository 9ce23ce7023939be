import Foundation
import MediaArchive

/// `GET /portal/receipt?round=R` (Templates/receipt.mustache, receipt.css with a print style):
/// what the county keeps as proof of what it sent when — every item of the round with its name,
/// part, SHA-256, the time the archive took it and its late / withdrawn / returned marks, under
/// the county, the round and the time the page was printed.
struct ReceiptPage: HTMLPage {
    static let template = "receipt"
    static let styleSheets = ["receipt.css"]

    var title: String
    var heading: String
    var facts: [Fact]
    var columns: [String]
    var rows: [Row]
    var noItems: String
    var printHint: String
    var backHref: String
    var backLabel: String

    struct Fact {
        var label: String
        var value: String
    }

    struct Row {
        var item: ItemSummary
        /// Late, withdrawn, returned: every mark in one cell (the clerk's note under them).
        var marks: String
    }

    init(county: County, round: Round, items: [HandInItem], printedAt: String, zone: TimeZone, language: Language) {
        let text = Text.of(language)
        title = NavBar.title(text.title, in: language)
        heading = text.title
        facts = [Fact(label: text.county, value: county.name), Fact(label: text.round, value: "\(round.name) (\(round.id))"),
                 Fact(label: text.printed, value: printedAt), Fact(label: text.count, value: "\(items.count)")]
        columns = text.columns
        rows = items.map { item in
            let summary = ItemSummary(item, language: language)
            let marks = (item.isLate(in: round, zone: zone) ? [text.late] : []) + [summary.markText].compactMap { $0 }
            return Row(item: summary, marks: marks.joined(separator: language == .zh ? "、" : ", "))
        }
        noItems = text.noItems
        printHint = text.printHint
        backHref = "/portal?round=\(round.id)"
        backLabel = text.back
    }

    struct Text: Bilingual {
        var title, county, round, printed, count: String
        var columns: [String]
        var late, noItems, printHint, back: String

        static let zh = Text(title: "提交回执", county: "报送单位", round: "轮次", printed: "打印时间", count: "材料数",
                             columns: ["文件", "材料", "SHA-256 校验值", "提交时间", "标记"],
                             late: "逾期", noItems: "本轮还没有提交材料。",
                             printHint: "用浏览器的“打印”（Ctrl+P）打印或另存为 PDF，留作提交凭证。", back: "返回区县提交")
        static let en = Text(title: "Hand-in receipt", county: "County", round: "Round", printed: "Printed", count: "Items",
                             columns: ["File", "Part", "SHA-256", "Handed in", "Marks"],
                             late: "late", noItems: "Nothing handed in for this round yet.",
                             printHint: "Print it with the browser's Print (Ctrl+P), or save it as a PDF, as proof of what was sent when.",
                             back: "Back to the county hand-in")
    }
}
