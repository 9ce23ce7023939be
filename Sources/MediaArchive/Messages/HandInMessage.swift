/// What the tool says about an item's place in the hand-in (rounds, parts, forms), in both
/// languages. Kept apart from `Message`'s file checks; `Message.handIn` carries it.
public enum HandInMessage: Sendable, Hashable {
    /// Nothing told which part the item is; it was filed under `other`.
    case partNotTold(name: String)
    /// A registration form that could not be read into records.
    case formNotRead(reason: String)
    /// A registration form read into this many records.
    case formRead(records: Int)

    public func text(in language: Language) -> String {
        let zh = language == .zh
        let parts = Part.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case .partNotTold(let name):
            return zh ? "“\(name)”已归入“其他”：从文件名看不出是哪一部分；请在提交时注明部分（\(parts)），或在文件名中写明“总结”“重点项目备案表”“开放”“媒体报道”"
                : "\"\(name)\" was filed under other: its name does not say which part it is; name the part when handing it in (\(parts)), or put 总结, 重点项目备案表, 开放 or 媒体报道 in the file name"
        case .formNotRead(let reason):
            return zh ? "备案表未能读取（\(reason)）——请手工录入其中的记录" : "the form was not read (\(reason)) — enter the records by hand"
        case .formRead(let records):
            return zh ? "从备案表中读出 \(records) 条记录" : "\(records) record\(records == 1 ? "" : "s") read from the form"
        }
    }
}
