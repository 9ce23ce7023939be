import MediaArchive

/// The drop zone the two upload pages (self-check and ingest) share, rendered by the partial
/// Templates/drop-zone.mustache; upload.js makes it work. `hint` says what the page takes.
struct DropZone {
    var prompt: String
    var hint: String

    init(hint: String, in language: Language) {
        prompt = switch language {
        case .zh: "点击选择文件，或把文件拖到这里"
        case .en: "Click to choose files, or drop them here"
        }
        self.hint = hint
    }

    static let styleSheet = "upload.css"
    static let script = "upload.js"
}
