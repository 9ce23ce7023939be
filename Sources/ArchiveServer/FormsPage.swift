import MediaArchive

/// `GET /portal/forms?round=R` (Templates/forms.mustache): the county's registration records
/// of the round as web forms — one form per record with the fields in the notice's order under
/// their Chinese labels, a save and a delete button, and an empty form to add one — until the
/// registration deadline; after it (unless a clerk reopened them) the same fields read-only
/// under the 409's words.
struct FormsPage: HTMLPage {
    static let template = "forms"
    static let styleSheets = ["portal.css"]

    var title: String
    var heading: String
    var lead: String
    /// Set when the county can no longer change its forms: why, and whom to ask.
    var lockedMessage: String?
    var uploadHref: String
    var uploadLabel: String
    var sheets: [Sheet]

    /// One of the two forms: its records and, while open, an empty record to add.
    struct Sheet {
        var key: String
        var title: String
        var records: [RecordForm]
        var noRecords: String
        var addition: RecordForm?
    }

    struct RecordForm {
        var anchor: String
        var action: String
        var deleteAction: String?
        var inputs: [Input]
        var saveLabel: String
        var deleteLabel: String
        var isReadOnly: Bool
    }

    struct Input {
        var id: String
        var name: String
        var label: String
        var value: String
        var isLong: Bool
    }

    init(county: County, round: Round, records: [FormRecord], lockedMessage: String?, language: Language) {
        let text = Text.of(language)
        title = NavBar.title(text.title, in: language)
        heading = "\(county.name) · \(round.name) · \(text.title)"
        lead = text.lead("\(round.due(.keyProjects))")
        self.lockedMessage = lockedMessage
        uploadHref = "/portal?round=\(round.id)#part-\(Part.keyProjects.rawValue)"
        uploadLabel = text.upload
        let open = lockedMessage == nil
        let query = "round=\(round.id)"
        sheets = RegistrationForm.allCases.map { form in
            func inputs(_ record: FormRecord?, prefix: String) -> [Input] {
                form.fields.map { field in
                    Input(id: "\(prefix)-\(field.key)", name: field.key, label: field.label, value: record?.fields[field.key] ?? "",
                          isLong: field.key == "description" || field.key == "content")
                }
            }
            let records = records.filter { $0.form == form }.map { record in
                RecordForm(anchor: "record-\(record.id)", action: "/portal/forms/\(record.id)?\(query)&form=\(form.rawValue)",
                           deleteAction: open ? "/portal/forms/\(record.id)/delete?\(query)" : nil,
                           inputs: inputs(record, prefix: record.id), saveLabel: text.save, deleteLabel: text.delete, isReadOnly: !open)
            }
            let addition = open ? RecordForm(anchor: "add-\(form.rawValue)", action: "/portal/forms?\(query)&form=\(form.rawValue)",
                                             deleteAction: nil, inputs: inputs(nil, prefix: "add-\(form.rawValue)"),
                                             saveLabel: text.add, deleteLabel: text.delete, isReadOnly: false) : nil
            return Sheet(key: form.rawValue, title: form.title, records: records, noRecords: text.noRecords, addition: addition)
        }
    }

    struct Text: Bilingual {
        var title: String
        var lead: @Sendable (_ deadline: String) -> String
        var upload, save, delete, add, noRecords: String

        static let zh = Text(
            title: "备案表", lead: { "在此逐条填写备案表，\($0) 前可以修改和删除；也可以上传填好的 DOCX/XLSX 备案表。" },
            upload: "上传填好的备案表", save: "保存", delete: "删除", add: "添加一条", noRecords: "还没有记录。")
        static let en = Text(
            title: "Registration forms",
            lead: { "Enter the forms record by record here; they can be changed and deleted until \($0). Or upload the filled-in DOCX/XLSX form instead." },
            upload: "Upload a filled-in form", save: "Save", delete: "Delete", add: "Add this record", noRecords: "No records yet.")
    }
}
