import Foundation

/// The words of the archive commands' reports: search, show, inspect, report, verify, export,
/// counties, thumbnails.
extension Wording {
    // MARK: search, show, inspect

    /// The labels of the one-item listings (`show`, `inspect`).
    public enum Field: String, Sendable, CaseIterable {
        case county, kind, verdict, names, bytes, object, thumbnail, ingested, captured, length, camera, gps,
             title, warning, video, size, audio, orientation, description, comment, error
    }

    public func field(_ field: Field) -> String {
        guard language == .zh else { return field.rawValue }
        switch field {
        case .county: return "县区"
        case .kind: return "类型"
        case .verdict: return "结论"
        case .names: return "文件名"
        case .bytes: return "字节"
        case .object: return "存储位置"
        case .thumbnail: return "缩略图"
        case .ingested: return "入库时间"
        case .captured: return "拍摄时间"
        case .length: return "时长"
        case .camera: return "相机"
        case .gps: return "GPS"
        case .title: return "标题"
        case .warning: return "提示"
        case .video: return "视频"
        case .size: return "尺寸"
        case .audio: return "音频"
        case .orientation: return "方向"
        case .description: return "描述"
        case .comment: return "备注"
        case .error: return "错误"
        }
    }

    public var none: String { say("none", "无") }
    public var unknown: String { say("unknown", "未知") }

    /// Where a length came from: "from the container" / "按文件头".
    public func lengthSource(_ source: String?) -> String {
        switch (language, source) {
        case (.zh, "packets"): "按视频数据测得"
        case (.zh, _): "按文件头"
        case (.en, _): "from the \(source ?? "container")"
        }
    }

    /// The picture's size as stored, and as shown upright when a turn makes that differ.
    public func pictureSize(width: Int, height: Int, shownWidth: Int?, shownHeight: Int?) -> String {
        guard let shownWidth, let shownHeight, (shownWidth, shownHeight) != (width, height) else { return "\(width)x\(height)" }
        return say("\(width)x\(height) stored, shown \(shownWidth)x\(shownHeight)", "存储为 \(width)x\(height)，显示为 \(shownWidth)x\(shownHeight)")
    }

    public func displayRotation(_ degrees: Int) -> String {
        say("display rotation \(degrees)°", "显示旋转 \(degrees)°")
    }

    public var searchHeader: [String] {
        language == .zh ? ["日期", "县区", "类型", "时长", "结论", "SHA-256", "文件名"]
            : ["DAY", "COUNTY", "KIND", "LENGTH", "VERDICT", "SHA-256", "NAME"]
    }

    public func entryCount(_ count: Int) -> String {
        say("\(count) \(count == 1 ? "entry" : "entries")", "共 \(count) 条")
    }

    public func nothingStartsWith(_ prefix: String) -> String {
        say("nothing in the archive has a SHA-256 starting with \(prefix)", "档案中没有 SHA-256 以 \(prefix) 开头的文件")
    }

    /// `backup` / `restore` with the objects in S3 or the entries in PostgreSQL: those are the
    /// store's and the database's own to keep safe.
    public var backupNotForBackends: String {
        say("backup and restore copy an archive folder; with --store s3://… or --catalogue postgres://… the objects and entries "
            + "are not in it. Use the store's own replication or versioning (Ceph: pool replication, rgw multisite; S3: bucket "
            + "versioning/replication) for the objects and pg_dump (or PostgreSQL's streaming replication) for the catalogue; "
            + "or copy the archive into a folder first with `media-archive migrate --to-store file: --to-catalogue json:`",
            "backup 和 restore 只复制档案文件夹；使用 --store s3://… 或 --catalogue postgres://… 时，文件和目录不在文件夹中。"
            + "文件请用对象存储自身的复制或版本功能（Ceph 存储池复制、rgw 多站点；S3 桶版本控制/复制），目录请用 pg_dump"
            + "（或 PostgreSQL 流复制）；也可先用 `media-archive migrate --to-store file: --to-catalogue json:` 复制到文件夹。")
    }

    /// `migrate`'s summary lines, then each failure.
    public func migrateSummary(_ summary: ArchiveMigration.Summary) -> String {
        var lines = [
            say("\(summary.entries) entries: \(summary.entriesAdded) added, \(summary.entries - summary.entriesAdded - summary.entriesFailed) already there",
                "共 \(summary.entries) 条目录：新增 \(summary.entriesAdded) 条，已存在 \(summary.entries - summary.entriesAdded - summary.entriesFailed) 条"),
            say("objects: \(summary.objectsCopied) copied, \(summary.objectsAlreadyThere) already there, \(summary.objectsVerified) verified in the target; \(summary.thumbnailsCopied) thumbnails copied",
                "文件：复制 \(summary.objectsCopied) 个，已存在 \(summary.objectsAlreadyThere) 个，在目标中校验通过 \(summary.objectsVerified) 个；复制缩略图 \(summary.thumbnailsCopied) 个"),
            say("records copied: \(summary.formRecordsCopied) form records, \(summary.marksCopied) marks, \(summary.auditEventsCopied) audit events, \(summary.tokensCopied) tokens",
                "复制记录：备案表记录 \(summary.formRecordsCopied) 条，标记 \(summary.marksCopied) 条，审计事件 \(summary.auditEventsCopied) 条，令牌 \(summary.tokensCopied) 个"),
        ]
        if !summary.failures.isEmpty {
            lines.append(counted(say("not migrated", "未迁移"), summary.failures.count))
            lines += summary.failures.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: report

    public func reportHeader(deadline: CalendarDay) -> [String] {
        language == .zh
            ? ["县区", "件数", "视频", "照片", "文档", "其他", "分钟", "不合格", "有提示", "首次入库", "最后入库", "截止 \(deadline)"]
            : ["COUNTY", "ITEMS", "VIDEO", "PHOTO", "DOC", "OTHER", "MINUTES", "FAILING", "WARNED", "FIRST IN", "LAST IN",
               "DEADLINE \(deadline)"]
    }

    public func deadlineStatus(_ report: CountyReport) -> String {
        switch report.deadline {
        case .onTime: say("on time", "按时")
        case .late: say("\(report.lateItems) after the deadline", "\(report.lateItems) 件逾期")
        case .nothingSubmitted: say("nothing submitted", "未提交")
        }
    }

    /// The line under the report: who has sent nothing (names as the registry writes them).
    public func silentCounties(_ names: [String]) -> String {
        if names.isEmpty { return say("Every county has submitted something.", "各县区都已提交。") }
        return say("Nothing submitted: ", "未提交：") + names.joined(separator: "、")
    }

    // MARK: verify

    public func verifyChecked(_ checked: Int, intact: Int) -> String {
        say("checked \(checked) objects: \(intact) intact", "已核对 \(checked) 个文件：\(intact) 个完好")
    }

    public enum VerifyList: Sendable, CaseIterable {
        case corrupt, missing, orphaned, danglingThumbnails, adopted, thumbnailsRemade, unfinishedCopies, unfinishedRemoved
    }

    /// The heading over one list of `verify`'s findings, with what to do about them.
    public func verifyHeading(_ list: VerifyList) -> String {
        switch list {
        case .corrupt:
            say("CORRUPT — bytes changed since ingest; restore from a backup", "已损坏——入库后内容被改动；请从备份恢复")
        case .missing:
            say("MISSING — catalogued but the file is gone; restore from a backup", "缺失——目录中有记录但文件不见了；请从备份恢复")
        case .orphaned:
            say("ORPHANED — stored but not catalogued; run verify --repair to adopt", "未入目录——文件已存储但目录中没有；运行 verify --repair 收录")
        case .danglingThumbnails:
            say("DANGLING THUMBNAILS", "对不上的缩略图")
        case .adopted:
            say("adopted into the catalogue", "已收录进目录")
        case .thumbnailsRemade:
            say("thumbnails remade", "已重做缩略图")
        case .unfinishedCopies:
            say("unfinished copies from interrupted ingests (harmless; the next ingest removes those older than a day)",
                "中断的入库留下的未完成副本（无害；下次入库会删除超过一天的）")
        case .unfinishedRemoved:
            say("removed: staged objects and unfinished uploads left by interrupted ingests",
                "已删除：中断的入库在对象存储中留下的暂存对象和未完成的上传")
        }
    }

    public func verifyVerdict(problems: Bool) -> String {
        problems ? say("problems found", "发现问题") : say("the archive is intact", "档案完好")
    }

    // MARK: export

    public var exportHeader: [String] { [say("FILE", "文件"), "SHA-256"] }

    public func problemKind(_ kind: ExportProblem.Kind) -> String {
        guard language == .zh else { return kind.rawValue }
        switch kind {
        case .missing: return "缺失"
        case .corrupt: return "损坏"
        case .unreadable: return "无法读取"
        case .unsafe: return "路径不安全"
        }
    }

    public func notExported(_ kind: ExportProblem.Kind, name: String) -> String {
        say("NOT EXPORTED (\(problemKind(kind))): \(name)", "未导出（\(problemKind(kind))）：\(name)")
    }

    /// Why an object was left out. English keeps the export's own detailed sentence; Chinese
    /// says it by the kind of problem, which is what a clerk acts on.
    public func exportProblem(_ problem: ExportProblem) -> String {
        guard language == .zh else { return problem.message }
        switch problem.problem {
        case .missing: return "存储的文件 \(problem.object) 缺失，未导出；请运行 `media-archive verify`，并请县区重新提交"
        case .corrupt: return "存储的文件 \(problem.object) 已损坏（SHA-256 与目录不符），未导出；请运行 `media-archive verify`，并请县区重新提交"
        case .unreadable: return "无法读取存储的文件 \(problem.object)，未导出"
        case .unsafe: return "目录中这一项的路径指向县区文件夹之外，未导出；请运行 `media-archive verify`"
        }
    }

    public func exportSummary(_ result: ExportResult) -> String {
        let size = ByteCountFormatter.string(fromByteCount: result.bytes, countStyle: .file)
        if language == .zh {
            return "\(result.name)：\(result.files) 个文件（\(size)）已导出到 \(result.to)"
                + (result.bagit ? "，为 BagIt 包" : "") + "；清单见 \(result.manifest)"
        }
        return "\(result.name): \(result.files) \(result.files == 1 ? "file" : "files") (\(size)) exported to \(result.to)"
            + (result.bagit ? " as a BagIt bag" : "") + "; list in \(result.manifest)"
    }

    public func notExportedCount(_ count: Int) -> String {
        say("\(count) not exported (missing or damaged); run `media-archive verify`",
            "\(count) 个未导出（缺失或损坏）；请运行 `media-archive verify`")
    }

    // MARK: counties, thumbnails

    public var countiesHeader: [String] {
        language == .zh ? ["拼音代号", "名称", "代码", "全称"] : ["SLUG", "NAME", "CODE", "FULL NAME"]
    }

    public var thumbnailHeader: [String] {
        language == .zh ? ["文件", "缩略图", "尺寸", "问题"] : ["FILE", "THUMBNAIL", "SIZE", "PROBLEM"]
    }

    public func thumbnailFolderUnusable(_ folder: String, detail: String) -> String {
        say("cannot use \(folder) for thumbnails: \(detail)", "无法把缩略图写入 \(folder)：\(detail)")
    }
}
