/// The words around the messages: column headings, verdict and status words, count lines. What
/// the command line prints now and the web pages can print later, in one language per reader.
/// English is what the tool has always printed (tests and scripts match it).
public struct Wording: Sendable {
    public var language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The English or the Chinese, whichever this reader reads.
    func say(_ english: String, _ chinese: String) -> String {
        language == .zh ? chinese : english
    }

    // MARK: Shared

    public func kind(_ kind: MediaKind) -> String { kind.name(in: language) }

    /// The verdict as a word in a sentence or listing ("pass", "合格").
    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: say("pass", "合格")
        case .fail: say("fail", "不合格")
        case .error: say("error", "无法读取")
        }
    }

    /// "5 files" / "共 5 个文件".
    public func fileCount(_ count: Int) -> String {
        say(count == 1 ? "1 file" : "\(count) files", "共 \(count) 个文件")
    }

    public var warningPrefix: String { say("warning: ", "提示：") }

    /// The progress counter's label on a terminal: "checking 12/40…".
    public var checking: String { say("checking", "正在检查") }
    public var ingesting: String { say("ingesting", "正在入库") }

    /// Between sentences run together on one line.
    public var separator: String { say("; ", "；") }

    // MARK: check

    public var checkHeader: [String] {
        language == .zh ? ["文件", "时长", "视频", "结论", "原因"] : ["FILE", "LENGTH", "VIDEO", "VERDICT", "REASON"]
    }

    /// The verdict as the check table shows it, loud enough to find in a long list.
    public func verdictLabel(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: say("OK", "合格")
        case .fail: say("FAIL", "不合格")
        case .error: say("UNREADABLE", "无法读取")
        }
    }

    /// What a passing video's reason column says: "2:47.00 — within the 3:00 limit".
    public func withinLimit(durationSeconds: Double, limitSeconds: Double) -> String {
        let clock = DurationText.clock(durationSeconds)
        return say("\(clock) — within the \(DurationText.limit(limitSeconds)) limit",
                   "\(clock) — 未超过 \(DurationText.limit(limitSeconds, in: .zh))上限")
    }

    public func checkSummary(files: Int, passed: Int, failed: Int, unreadable: Int) -> String {
        say("\(fileCount(files)): \(passed) OK, \(failed) failed, \(unreadable) unreadable",
            "\(fileCount(files))：\(passed) 个合格，\(failed) 个不合格，\(unreadable) 个无法读取")
    }

    // MARK: ingest

    public var ingestHeader: [String] {
        language == .zh ? ["文件", "状态", "SHA-256", "时间", "备注"] : ["FILE", "STATUS", "SHA-256", "TIME", "NOTES"]
    }

    public func status(_ status: IngestReceipt.Status) -> String {
        switch status {
        case .stored: say("STORED", "已存档")
        case .duplicate: say("DUPLICATE", "重复")
        case .rejected: say("REJECTED", "拒收")
        }
    }

    public var notePrefix: String { say("note: ", "注：") }

    public func ingestSummary(files: Int, stored: Int, duplicate: Int, rejected: Int) -> String {
        // English has always said "files" here, even for one.
        say("\(files) files: \(stored) stored, \(duplicate) duplicate, \(rejected) rejected",
            "\(fileCount(files))：\(stored) 个已存档，\(duplicate) 个重复，\(rejected) 个拒收")
    }
}

extension MediaKind {
    /// The kind as a word: "video", "视频".
    public func name(in language: Language) -> String {
        guard language == .zh else { return rawValue }
        switch self {
        case .video: return "视频"
        case .audio: return "音频"
        case .photo: return "照片"
        case .document: return "文档"
        case .unknown: return "未知"
        case .link: return "链接"
        }
    }
}

extension AccessRole {
    /// The role as a word: "clerk", "登记员（clerk）" (the Chinese keeps the word the tokens are made with).
    public func name(in language: Language) -> String {
        guard language == .zh else { return rawValue }
        switch self {
        case .clerk: return "登记员（clerk）"
        case .archivist: return "档案员（archivist）"
        case .county: return "区县（county）"
        }
    }
}
