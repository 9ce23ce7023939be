import MediaArchive

/// One handed-in item as the portal, the board and the receipt list it: its name, item page,
/// part, time handed in, the withdraw/return mark in the reader's words and the clerk's note.
/// Built once here; each page adds only its own action (withdraw, return) or column.
struct ItemSummary {
    var sha256: String
    var name: String
    var href: String
    var part: String
    var ingestedAt: String
    var markText: String?
    var note: String?

    init(_ item: HandInItem, language: Language) {
        sha256 = item.entry.sha256.hex
        name = item.shownName
        href = "/items/\(item.entry.sha256)"
        part = (item.entry.part ?? .other).name(in: language)
        ingestedAt = item.entry.ingestedAt
        markText = MarkWords.text(item.mark?.mark, in: language)
        note = item.mark?.note
    }
}
