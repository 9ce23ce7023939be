import Foundation

/// One file to take in, as the ingest sees it: where its bytes are, how receipts name it, and
/// the original name the catalogue keeps.
struct IngestSource: Sendable {
    /// Where the bytes are on this machine.
    var path: String
    /// The receipt's `path` and the name in every reason: the path as the clerk typed it on the
    /// command line, the sender's file name for an upload (whose server path means nothing to them).
    var shownAs: String
    /// What the catalogue records as the original name; its extension also settles formats
    /// whose content allows several (`.mov` or `.mp4`).
    var originalName: String
    /// An upload written straight into the county's staging folder: it is hashed where it lies and
    /// renamed into `objects/`, instead of being copied a second time.
    var isInStaging: Bool

    /// A file named on the command line: copied into staging while it is hashed, left where it is.
    init(copying path: String) {
        self.path = path
        shownAs = path
        originalName = URL(fileURLWithPath: path).lastPathComponent
        isInStaging = false
    }

    init(upload path: String, originalName: String) {
        self.path = path
        shownAs = originalName
        self.originalName = originalName
        isInStaging = true
    }
}
