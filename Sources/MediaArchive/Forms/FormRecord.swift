import Foundation

/// Which of the notice's two registration forms a record belongs to.
public enum RegistrationForm: String, Sendable, Codable, CaseIterable {
    /// 附件1 《科技活动周重点项目备案表》
    case keyProject = "key-project"
    /// 附件2 《参与开放活动的科研机构和高校院所备案表》
    case openInstitution = "open-institution"

    /// The part of the hand-in its records count for.
    public var part: Part { self == .keyProject ? .keyProjects : .openInstitutions }

    public init?(part: Part) {
        switch part {
        case .keyProjects: self = .keyProject
        case .openInstitutions: self = .openInstitution
        default: return nil
        }
    }
}

/// One filled-in row of a registration form: a key project or an open institution, with the
/// county and round it belongs to and the handed-in file it was read from (DESIGN.md JSON record).
public struct FormRecord: Sendable, Equatable, Codable, EveryKeyEncodable {
    /// Stable within the archive: what `PUT`/`DELETE /api/forms/<id>` and `forms` name.
    public var id: String
    public var form: RegistrationForm
    public var county: String
    public var round: String
    /// The SHA-256 of the file it was read from; nil when entered by hand.
    public var entry: String?
    /// The form's fields by JSON key (`projectName`, `organizer`, …), as written.
    public var fields: [String: String]
    /// When it was read or entered (ISO 8601, policy zone): what `late` is judged by.
    public var enteredAt: String

    public init(id: String = FormRecord.newID(), form: RegistrationForm, county: String, round: String, entry: String?,
                fields: [String: String], enteredAt: String) {
        self.id = id
        self.form = form
        self.county = county
        self.round = round
        self.entry = entry
        self.fields = fields
        self.enteredAt = enteredAt
    }

    /// A record's form and when it was entered: what `status` counts.
    struct Stamp: Sendable, Decodable {
        var form: RegistrationForm
        var enteredAt: String

        init(_ record: FormRecord) {
            form = record.form
            enteredAt = record.enteredAt
        }
    }

    /// 12 hex digits: short enough to type, random enough never to repeat in an archive.
    public static func newID() -> String {
        String(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12))
    }
}
