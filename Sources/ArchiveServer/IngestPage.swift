import Foundation
import MediaArchive

/// The clerks' ingest page (Templates/ingest.mustache, ingest.js): choose the county, choose or
/// drop files; each file is its own upload (so each shows its own progress), two at a time, and
/// gets its receipt in the list. In the reader's language, styled like the self-check page;
/// county names stay Chinese.
struct IngestPage: HTMLPage {
    static let template = "ingest"
    static let styleSheets = [DropZone.styleSheet, "ingest.css"]
    static let scripts = [DropZone.script, "ingest.js"]

    struct CountyOption {
        var value: String
        var label: String
    }

    var title: String
    var heading: String
    /// Names the clerk: someone's own text, which the template escapes like any other.
    var lead: String
    var countyLabel, choose, acceptFailing: String
    var counties: [CountyOption]
    var dropZone: DropZone
    var scriptSettings: ScriptSettings?
    var section: NavBar.Section? { .ingest }

    init(counties registry: CountyRegistry, policy: SubmissionPolicy, clerk: AccessToken, language: Language) {
        let text = Text.of(language)
        let wording = Wording(language)
        title = text.title
        heading = text.title
        lead = text.lead(clerk.name, ByteText.describe(policy.maxFileBytes, in: language))
        countyLabel = text.county
        choose = text.choose
        acceptFailing = text.acceptFailing
        counties = registry.counties.map { CountyOption(value: $0.slug, label: $0.name) }
        dropZone = DropZone(hint: text.dropHint, in: language)
        let words = ScriptText(
            lang: language.rawValue, stored: text.stored, duplicate: text.duplicate, rejected: text.rejected,
            warnings: wording.warningPrefix, separator: wording.separator, uploading: text.uploading, uploaded: text.uploaded,
            uploadFailed: text.uploadFailed, networkLost: text.networkLost, waiting: text.waiting,
            tooLarge: text.rejected + Message.uploadTooLarge(limitBytes: policy.maxFileBytes).text(in: language),
            chooseCountyFirst: text.chooseCountyFirst)
        scriptSettings = ScriptSettings(Settings(maxBytes: policy.maxFileBytes, text: words))
    }

    /// For a logged-in archivist: this page is the clerks'.
    struct ClerksOnly: HTMLPage {
        static let template = "ingest-clerks-only"
        static let styleSheets = IngestPage.styleSheets

        var title: String
        var heading: String
        var explanation: String
        var loginHref: String
        var loginLabel: String
        var section: NavBar.Section? { .ingest }

        init(language: Language) {
            let text = Text.of(language)
            title = text.title
            heading = text.title
            explanation = text.clerksOnly
            loginHref = ReturnPath.loginLocation(returningTo: "/ingest")
            loginLabel = text.logInAsClerk
        }
    }

    struct Text: Bilingual {
        var title: String
        var lead: @Sendable (_ clerk: String, _ maxSize: String) -> String
        var county, choose, acceptFailing, dropHint, clerksOnly, logInAsClerk: String
        var stored, duplicate, rejected, uploading, uploaded, uploadFailed, networkLost, waiting: String
        var chooseCountyFirst: String

        static let zh = Text(
            title: "档案入库",
            lead: { "登记员 \($0)：先选择报送单位，再选择或拖入文件。每个文件都会检查、计算校验值并存档，重复文件只记录新文件名。单个文件不超过 \($1)。" },
            county: "报送单位", choose: "请选择…", acceptFailing: "不合格的视频也入库（标记为不合格）",
            dropHint: "可一次选择多个视频、照片或文档，逐个上传",
            clerksOnly: "入库只能由登记员（clerk）办理，您当前登录使用的令牌不是登记员令牌。", logInAsClerk: "用登记员令牌重新登录",
            stored: "已入库", duplicate: "重复（已记录新文件名）", rejected: "被拒绝：", uploading: "上传中 ",
            uploaded: "已上传，正在检查并入库…", uploadFailed: "上传失败", networkLost: "网络中断，请重新上传", waiting: "等待上传",
            chooseCountyFirst: "请先选择报送单位，再上传文件。")
        static let en = Text(
            title: "Archive ingest",
            lead: { "Clerk \($0): choose the county first, then choose or drop files. Each file is checked, hashed and archived; a file already in the archive only gets its new name recorded. At most \($1) a file." },
            county: "County", choose: "Choose…", acceptFailing: "Store failing videos too (marked as failing)",
            dropHint: "Several videos, photos or documents at once, uploaded one by one",
            clerksOnly: "Only clerks can ingest; the token you are logged in with is not a clerk's token.",
            logInAsClerk: "Log in again with a clerk's token",
            stored: "Stored", duplicate: "Duplicate (its new name was recorded)", rejected: "Rejected: ", uploading: "Uploading ",
            uploaded: "Uploaded; checking and storing…", uploadFailed: "Upload failed", networkLost: "the connection broke; upload it again",
            waiting: "Waiting to upload",
            chooseCountyFirst: "Choose the county first, then the files.")
    }

    /// What ingest.js reads: the largest upload and its words (`T`).
    struct Settings: Encodable {
        var maxBytes: Int64
        var text: ScriptText
    }

    struct ScriptText: Encodable {
        var lang, stored, duplicate, rejected, warnings, separator, uploading, uploaded, uploadFailed, networkLost, waiting: String
        var tooLarge, chooseCountyFirst: String
    }
}
