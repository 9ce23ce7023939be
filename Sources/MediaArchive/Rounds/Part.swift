/// What an item is in a county's hand-in, as the bureau's notice lists them (DESIGN.md, "The
/// hand-in as a whole"). The raw values are the JSON and command-line names.
public enum Part: String, Sendable, Codable, CaseIterable, Comparable {
    /// 附件1 《科技活动周重点项目备案表》: one record per key project.
    case keyProjects = "key-projects"
    /// 附件2 《参与开放活动的科研机构和高校院所备案表》: one row per institution.
    case openInstitutions = "open-institutions"
    /// 科技活动周总结, the written summary.
    case summary
    /// 影像资料: photos of the events.
    case photo
    /// 影像资料: videos, each at most 3 minutes.
    case video
    /// 媒体报道资料: press coverage — a document, a screenshot, or a link.
    case mediaReport = "media-report"
    /// Anything else handed in.
    case other

    /// The two registration forms, due by the registration deadline and counted in records.
    public var isForm: Bool { self == .keyProjects || self == .openInstitutions }

    /// The notice's order, which every table and checklist follows.
    public static func < (lhs: Part, rhs: Part) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The part an item most likely is, when the sender did not say: videos and photos by their
    /// kind, a document by the words its name holds; `nil` when nothing tells (the caller files
    /// it under `other` and says how to name the part).
    public static func guess(kind: MediaKind, name: String) -> Part? {
        switch kind {
        case .video: return .video
        case .photo: return .photo
        case .link: return .mediaReport
        case .document: return guessDocument(named: name)
        case .audio, .unknown: return nil
        }
    }

    /// 总结 → summary; 重点项目, or 备案表 with 项目 → key-projects; 开放 → open-institutions;
    /// 报道, 媒体 or 新闻 → media-report. Key projects come before 开放, since 附件1's own title
    /// names no 开放 but 附件2's holds 备案表 without 项目.
    static func guessDocument(named name: String) -> Part? {
        // The English part names count too, as a clerk who renames files may type them.
        let file = (name.split(separator: "/").last.map(String.init) ?? name).lowercased()
        if file.contains("总结") || file.contains("summary") { return .summary }
        if file.contains("重点项目") || (file.contains("备案表") && file.contains("项目")) || file.contains("key-project") {
            return .keyProjects
        }
        if file.contains("开放") || file.contains("open-institution") { return .openInstitutions }
        if ["报道", "媒体", "新闻", "media-report"].contains(where: file.contains) { return .mediaReport }
        return nil
    }
}
