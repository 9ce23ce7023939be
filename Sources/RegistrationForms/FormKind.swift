/// The notice's two registration forms and their fields, in the forms' order (DESIGN.md,
/// "Registration forms"). The JSON keys are the contract; the labels are what the forms print.
public enum FormKind: String, Sendable, Codable, CaseIterable {
    /// 附件1 科技活动周重点项目备案表: one record per key project.
    case keyProject = "key-project"
    /// 附件2 参与开放活动的科研机构和高校院所备案表: one row per institution.
    case openInstitution = "open-institution"

    public struct Field: Sendable, Equatable {
        public var key: String
        public var label: String
        /// Other ways offices print the label (matched like the label itself). 附件2 takes none
        /// that 附件1 prints, so a 附件1 table is never read as an open institution.
        public var aliases: [String]
    }

    public var fields: [Field] {
        switch self {
        case .keyProject:
            [.init(key: "projectName", label: "项目名称", aliases: []),
             .init(key: "organizer", label: "主办单位", aliases: []),
             .init(key: "supervisor", label: "主管部门", aliases: []),
             .init(key: "venue", label: "举办地点", aliases: []),
             .init(key: "time", label: "举办时间", aliases: []),
             .init(key: "leader", label: "项目负责人", aliases: ["负责人"]),
             .init(key: "contact", label: "联系人", aliases: []),
             .init(key: "address", label: "地址", aliases: ["通讯地址", "联系地址"]),
             .init(key: "postcode", label: "邮政编码", aliases: ["邮编"]),
             .init(key: "phone", label: "联系电话", aliases: ["电话"]),
             .init(key: "fax", label: "传真", aliases: []),
             .init(key: "email", label: "电子邮箱", aliases: ["邮箱", "E-mail", "Email"]),
             .init(key: "budget", label: "活动经费", aliases: ["经费"]),
             .init(key: "expectedParticipants", label: "拟参加人数", aliases: ["参加人数"]),
             .init(key: "description", label: "项目简介", aliases: ["简介"])]
        case .openInstitution:
            [.init(key: "unit", label: "单位（盖章）", aliases: ["单位", "填报单位", "填报单位（盖章）"]),
             .init(key: "institution", label: "单位名称", aliases: ["机构名称"]),
             .init(key: "openingTime", label: "开放时间", aliases: []),
             .init(key: "content", label: "开放内容", aliases: []),
             .init(key: "address", label: "具体地址", aliases: []),
             .init(key: "contact", label: "联系人", aliases: []),
             .init(key: "phone", label: "联系方式", aliases: [])]
        }
    }

    /// 附件1 / 附件2, as the notice names them.
    public var attachment: String { self == .keyProject ? "附件1" : "附件2" }

    /// The form's title, for sheet names and messages.
    public var title: String { self == .keyProject ? "重点项目备案表" : "开放活动备案表" }

    /// The DESIGN.md part the form is handed in as.
    public var part: String { self == .keyProject ? "key-projects" : "open-institutions" }
}

extension FormKind {
    /// The field a clerk names by its JSON key (`projectName`) or its label as the form prints it
    /// (项目名称, also spaced out or with full-width brackets, as `LabelMatcher` folds labels).
    public func field(named name: String) -> Field? {
        fields.first { $0.key == name } ?? LabelMatcher.field(of: self, matching: name)
    }
}
