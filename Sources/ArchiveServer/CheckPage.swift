import Foundation
import MediaArchive

/// The self-check page for county staff, in the reader's language (Templates/check.mustache,
/// check.js). The policy's limit goes to the script so the verdict text can say how far over a
/// video is; the script asks the API for reasons in the page's language.
struct CheckPage: HTMLPage {
    static let template = "check"
    static let styleSheets = [DropZone.styleSheet, "check.css"]
    static let scripts = [DropZone.script, "check.js"]

    var title: String
    var heading: String
    var lead: String
    var dropZone: DropZone
    var scriptSettings: ScriptSettings?
    var section: NavBar.Section? { .check }

    init(policy: SubmissionPolicy, language: Language) {
        let text = Text.of(language)
        let limit = DurationText.limit(policy.maxVideoSeconds, in: language)
        let wording = Wording(language)
        title = text.title
        heading = text.title
        lead = text.lead(limit)
        dropZone = DropZone(hint: text.dropHint, in: language)
        let words = ScriptText(
            lang: language.rawValue, passed: wording.verdictLabel(.pass), failed: wording.verdictLabel(.fail),
            ready: text.ready, over: text.over, trim: text.trim(limit), followReasons: text.followReasons,
            unreadable: text.unreadable, askOriginal: text.askOriginal, details: text.details, separator: wording.separator,
            checking: text.checking, tooLarge: text.tooLarge, sendSmaller: text.sendSmaller, notFinished: text.notFinished,
            tryLater: text.tryLater, minute: text.minute, second: text.second)
        scriptSettings = ScriptSettings(Settings(limitSeconds: policy.maxVideoSeconds, maxBytes: policy.maxFileBytes, text: words))
    }

    struct Text: Bilingual {
        var title: String
        var lead: @Sendable (_ limit: String) -> String
        var dropHint: String
        var ready: String
        /// "{amount}" stands for how far over, e.g. "12 秒" / "12 s".
        var over: String
        var trim: @Sendable (_ limit: String) -> String
        var followReasons, unreadable, askOriginal, details, checking, tooLarge, sendSmaller, notFinished, tryLater: String
        var minute, second: String

        static let zh = Text(
            title: "视频自查",
            lead: { "提交前先检查：每个视频不得超过 \($0)。文件只用于检查，检查后立即删除，不会保存。" },
            dropHint: "可一次选择多个视频、照片或文档",
            ready: "可以提交。", over: "超出 {amount}", trim: { "请剪辑到 \($0) 以内，再重新自查。" },
            followReasons: "请按下面的原因处理后重新自查。", unreadable: "无法读取：文件损坏或不是视频",
            askOriginal: "请向拍摄者索取原始文件，再重新自查。", details: "详情：", checking: "正在上传并检查…",
            tooLarge: "文件太大", sendSmaller: "请压缩或发送较小的文件。", notFinished: "检查没有完成", tryLater: "请稍后重试。",
            minute: "分", second: "秒")
        static let en = Text(
            title: "Video self-check",
            lead: { "Check before you hand in: no video may run longer than \($0). Files are only checked, deleted at once, never kept." },
            dropHint: "Several videos, photos or documents at once",
            ready: "Ready to submit.", over: "{amount} over", trim: { "Trim it to \($0) or less and check again." },
            followReasons: "Deal with the reasons below and check again.", unreadable: "Unreadable: the file is damaged or not a video",
            askOriginal: "Ask whoever filmed it for the original file and check again.", details: "Details: ",
            checking: "Uploading and checking…", tooLarge: "File too large", sendSmaller: "Compress it or send a smaller file.",
            notFinished: "The check did not finish", tryLater: "Please try again later.", minute: "min", second: "s")
    }

    /// What check.js reads: the limit it measures against, the largest upload, its words (`T`).
    struct Settings: Encodable {
        var limitSeconds: Double
        var maxBytes: Int64
        var text: ScriptText
    }

    struct ScriptText: Encodable {
        var lang, passed, failed, ready, over, trim, followReasons, unreadable, askOriginal, details, separator: String
        var checking, tooLarge, sendSmaller, notFinished, tryLater, minute, second: String
    }
}
