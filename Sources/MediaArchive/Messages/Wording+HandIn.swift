extension Part {
    /// The part as the notice names it: "summary" / "总结".
    public func name(in language: Language) -> String {
        guard language == .zh else { return rawValue }
        switch self {
        case .keyProjects: return "重点项目备案表"
        case .openInstitutions: return "开放活动备案表"
        case .summary: return "总结"
        case .photo: return "照片"
        case .video: return "视频"
        case .mediaReport: return "媒体报道"
        case .other: return "其他"
        }
    }
}

extension Wording {
    /// The header of `status`'s table: the county, then one column per part of the notice.
    public var statusHeader: [String] {
        [language == .zh ? "县区" : "COUNTY"] + Part.allCases.map { language == .zh ? $0.name(in: language) : $0.rawValue.uppercased() }
            + [language == .zh ? "状态" : "STATUS"]
    }

    /// A cell of `status`'s table: "2/1", "0/1 late 1", "—" for a part nothing is asked of or handed in.
    public func statusCell(_ part: PartStatus) -> String {
        if part.need == 0 && part.have == 0 && (part.files ?? 0) == 0 { return "—" }
        var cell = "\(part.have)/\(part.need)"
        if part.late > 0 { cell += language == .zh ? " 逾期\(part.late)" : " late \(part.late)" }
        if let failing = part.failing, failing > 0 { cell += language == .zh ? " 不合格\(failing)" : " failing \(failing)" }
        if let files = part.files, files > 0, part.have == 0 { cell += language == .zh ? "（\(files)份未读出）" : " (\(files) file\(files == 1 ? "" : "s") not read)" }
        return cell
    }

    public func statusWord(complete: Bool) -> String {
        switch (language, complete) {
        case (.zh, true): return "齐全"
        case (.zh, false): return "未齐"
        case (_, true): return "complete"
        case (_, false): return "incomplete"
        }
    }

    /// `status --missing`: what one county still owes, in one line.
    public func stillOwes(_ county: CountyStatus) -> String {
        let owed = county.missing.map { part -> String in
            let status = county.part(part)
            return language == .zh ? "\(part.name(in: language))（\(status.have)/\(status.need)）"
                : "\(part.rawValue) (\(status.have) of \(status.need))"
        }
        return language == .zh ? "\(county.name)：还缺 \(owed.joined(separator: "、"))"
            : "\(county.name) (\(county.county)) still owes: \(owed.joined(separator: ", "))"
    }

    public func statusSummary(round: Round, complete: Int, total: Int) -> String {
        language == .zh ? "第 \(round.id) 届（\(round.name)）：\(total) 个县区中 \(complete) 个齐全；截止 \(round.deadline)"
            : "round \(round.id) (\(round.name)): \(complete) of \(total) counties complete; due \(round.deadline)"
    }
}
