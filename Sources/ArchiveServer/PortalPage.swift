import Foundation
import MediaArchive

/// `GET /portal` (Templates/portal.mustache, portal.js): a county's checklist for a round — each
/// part's have/need, due day and late count —, an upload area per part, its items with their
/// marks, the clerk's notes and a withdraw button, and a link to the printable receipt.
/// The upload areas are plain form posts to `/portal/handin` (which answers with this page and
/// the verdicts); portal.js turns them into drop zones that upload each file on its own.
struct PortalPage: HTMLPage {
    static let template = "portal"
    static let styleSheets = ["portal.css"]
    static let scripts = [DropZone.script, "portal.js"]

    var title: String
    var heading: String
    var lead: String
    var columns: [String]
    var parts: [PartRow]
    var receiptHref: String
    var receiptLabel: String
    var formsHref: String
    var formsLabel: String
    /// The verdicts of a plain form post, shown above the upload areas.
    var handedInNow: [ReceiptLine]
    /// Only when there are such verdicts.
    var handedInNowHeading: String?
    var handInHeading: String
    var handInLead: String
    var areas: [HandInArea]
    var itemsHeading: String
    var items: [ItemRow]
    var noItems: String
    var scriptSettings: ScriptSettings?

    struct PartRow {
        /// met, missing or late: the row's class.
        var state: String
        var name: String
        var have: Int
        var need: Int
        var due: String
        var late: Int
        /// "还剩 3 天" / "3 days left", "今天截止" / "due today", "已截止" / "closed".
        var daysLeft: String
    }

    /// One part's upload area: a multipart form (files) or, for media reports, the link form.
    struct HandInArea {
        var key: String
        var name: String
        var action: String
        /// Where portal.js uploads each file: `/api/handin?round=R&part=P`.
        var uploadURL: String
        var dropZone: DropZone?
        var linkForm: LinkForm?
        var send: String
    }

    struct LinkForm {
        var urlLabel, titleLabel, outletLabel, publishedLabel: String
    }

    /// A receipt as the page words it: `state` is the receipt's status (the line's class).
    struct ReceiptLine {
        var state: String
        var fileName: String
        var verdictText: String
        var detail: String
    }

    struct ItemRow {
        var item: ItemSummary
        /// The withdraw form's target while the county may still take the item back.
        var withdrawAction: String?
        var withdrawLabel: String
    }

    init(county: County, round: Round, status: CountyStatus, items: [HandInItem], today: CalendarDay,
         handedInNow: [IngestReceipt] = [], maxBytes: Int64, language: Language) {
        let text = Text.of(language)
        title = NavBar.title(text.title, in: language)
        heading = "\(county.name) · \(round.name)"
        let missing = status.missing.map { $0.name(in: language) }
        lead = missing.isEmpty ? text.allHandedIn : text.stillOwed(missing)
        columns = text.columns
        parts = Part.allCases.filter { round.need($0) > 0 || status.part($0).have > 0 }.map { part in
            let figures = status.part(part)
            let state = figures.late > 0 ? "late" : figures.isMet ? "met" : "missing"
            return PartRow(state: state, name: part.name(in: language), have: figures.have, need: figures.need,
                           due: "\(round.due(part))", late: figures.late, daysLeft: text.daysLeft(Self.days(from: today, to: round.due(part))))
        }
        receiptHref = "/portal/receipt?round=\(round.id)"
        receiptLabel = text.receipt
        formsHref = "/portal/forms?round=\(round.id)"
        formsLabel = text.forms
        self.handedInNow = handedInNow.map { Self.line($0, in: language) }
        handedInNowHeading = handedInNow.isEmpty ? nil : text.handedInNow
        handInHeading = text.handIn
        handInLead = text.handInLead(ByteText.describe(maxBytes, in: language))
        areas = Part.allCases.filter { $0 != .other }.map { part in
            let query = "round=\(round.id)&part=\(part.rawValue)"
            let isLink = part == .mediaReport
            return HandInArea(key: part.rawValue, name: part.name(in: language), action: "/portal/handin?\(query)",
                              uploadURL: "/api/handin?\(query)&lang=\(language.rawValue)",
                              dropZone: isLink ? nil : DropZone(hint: text.hint(part), in: language),
                              linkForm: isLink ? text.linkForm : nil, send: isLink ? text.sendLink : text.sendFiles)
        }
        itemsHeading = text.itemsHeading
        noItems = text.noItems
        self.items = items.map { item in
            let part = item.entry.part ?? .other
            let open = item.mark == nil && today <= round.due(part)
            return ItemRow(item: ItemSummary(item, language: language),
                           withdrawAction: open ? "/api/items/\(item.entry.sha256)/withdraw?round=\(round.id)&part=\(part.rawValue)" : nil,
                           withdrawLabel: text.withdraw)
        }
        let wording = Wording(language)
        scriptSettings = ScriptSettings(Settings(maxBytes: maxBytes, text: ScriptText(
            stored: text.stored, duplicate: text.duplicate, rejected: text.rejected, warnings: wording.warningPrefix,
            separator: wording.separator, uploading: text.uploading, uploaded: text.uploaded, uploadFailed: text.uploadFailed,
            networkLost: text.networkLost, waiting: text.waiting,
            tooLarge: text.rejected + Message.uploadTooLarge(limitBytes: maxBytes).text(in: language))))
    }

    /// Whole days from `today` to `day` (negative once it has passed).
    static func days(from today: CalendarDay, to day: CalendarDay) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func date(_ d: CalendarDay) -> Date? { calendar.date(from: DateComponents(year: d.year, month: d.month, day: d.day)) }
        guard let start = date(today), let end = date(day) else { return 0 }
        return calendar.dateComponents([.day], from: start, to: end).day ?? 0
    }

    /// "stored / rejected: why", then the short SHA-256, the time and any warnings.
    static func line(_ receipt: IngestReceipt, in language: Language) -> ReceiptLine {
        let text = Text.of(language)
        let wording = Wording(language)
        let verdict = switch receipt.status {
        case .stored: text.stored
        case .duplicate: text.duplicate
        case .rejected: text.rejected + receipt.reasonMessages.texts(in: language).joined(separator: wording.separator)
        }
        var detail = ["SHA-256 " + (receipt.sha256?.abbreviated ?? "—"), receipt.ingestedAt]
        if !receipt.warningMessages.isEmpty {
            detail.append(wording.warningPrefix + receipt.warningMessages.texts(in: language).joined(separator: wording.separator))
        }
        return ReceiptLine(state: receipt.status.rawValue, fileName: receipt.path, verdictText: verdict,
                           detail: detail.joined(separator: " · "))
    }

    /// What portal.js reads: the largest upload and its words.
    struct Settings: Encodable {
        var maxBytes: Int64
        var text: ScriptText
    }

    struct ScriptText: Encodable {
        var stored, duplicate, rejected, warnings, separator, uploading, uploaded, uploadFailed, networkLost, waiting, tooLarge: String
    }

    struct Text: Bilingual {
        var title, allHandedIn: String
        var stillOwed: @Sendable ([String]) -> String
        var columns: [String]
        var daysLeft: @Sendable (Int) -> String
        var receipt, forms, handedInNow, handIn: String
        var handInLead: @Sendable (_ maxSize: String) -> String
        var hint: @Sendable (Part) -> String
        var linkForm: LinkForm
        var sendFiles, sendLink, itemsHeading, noItems, withdraw: String
        var stored, duplicate, rejected, uploading, uploaded, uploadFailed, networkLost, waiting: String

        static let zh = Text(
            title: "区县提交", allHandedIn: "本轮要求的材料已全部提交。", stillOwed: { "尚缺：" + $0.joined(separator: "、") },
            columns: ["材料", "已交", "要求", "截止", "逾期", "剩余"],
            daysLeft: { $0 > 0 ? "还剩 \($0) 天" : $0 == 0 ? "今天截止" : "已截止" },
            receipt: "打印提交回执", forms: "在线填写备案表", handedInNow: "刚才提交的文件", handIn: "提交材料",
            handInLead: { "每个文件到达后立即检查，结果显示在文件名下。单个文件不超过 \($0)。截止日期后仍可提交，但会标记为逾期。" },
            hint: { part in
                switch part {
                case .keyProjects, .openInstitutions: "填好的备案表（DOCX 或 XLSX）"
                case .summary: "活动总结（DOCX、PDF 等文档）"
                case .photo: "活动照片，可一次选择多张"
                case .video: "活动视频，每段不超过 3 分钟"
                default: "文件"
                }
            },
            linkForm: LinkForm(urlLabel: "报道网址", titleLabel: "标题", outletLabel: "媒体", publishedLabel: "发布日期"),
            sendFiles: "上传", sendLink: "提交报道链接", itemsHeading: "已提交的材料", noItems: "还没有提交材料。", withdraw: "撤回",
            stored: "已提交", duplicate: "重复（已记录新文件名）", rejected: "未接收：", uploading: "上传中 ",
            uploaded: "已上传，正在检查…", uploadFailed: "上传失败", networkLost: "网络中断，请重新上传", waiting: "等待上传")
        static let en = Text(
            title: "County hand-in", allHandedIn: "Everything the round requires is handed in.",
            stillOwed: { "Still owed: " + $0.joined(separator: ", ") },
            columns: ["Part", "Have", "Need", "Due", "Late", "Left"],
            daysLeft: { $0 > 1 ? "\($0) days left" : $0 == 1 ? "1 day left" : $0 == 0 ? "due today" : "closed" },
            receipt: "Print the hand-in receipt", forms: "Fill in the registration forms online", handedInNow: "Just handed in", handIn: "Hand in",
            handInLead: { "Each file is checked the moment it arrives; the verdict shows under its name. At most \($0) a file. After the due day files are still taken, marked late." },
            hint: { part in
                switch part {
                case .keyProjects, .openInstitutions: "The filled-in registration form (DOCX or XLSX)"
                case .summary: "The written summary (DOCX, PDF or another document)"
                case .photo: "Photos of the events, several at once"
                case .video: "Videos of the events, each at most 3 minutes"
                default: "Files"
                }
            },
            linkForm: LinkForm(urlLabel: "Article address", titleLabel: "Title", outletLabel: "Outlet", publishedLabel: "Published"),
            sendFiles: "Upload", sendLink: "Hand in the link", itemsHeading: "Handed in", noItems: "Nothing handed in yet.",
            withdraw: "Withdraw",
            stored: "Handed in", duplicate: "Duplicate (its new name was recorded)", rejected: "Not taken: ", uploading: "Uploading ",
            uploaded: "Uploaded; checking…", uploadFailed: "Upload failed", networkLost: "the connection broke; upload it again",
            waiting: "Waiting to upload")
    }
}

extension HandInItem {
    /// How the portal and the receipt name an item: a media report by its title, a file by the
    /// name it was handed in under.
    var shownName: String {
        if entry.kind == .link, let title = entry.title, !title.isEmpty { return title }
        return entry.originalNames.first ?? entry.sha256.hex
    }
}
