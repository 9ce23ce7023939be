/// Problems with the archive's own files and settings, phrased for the person who can fix them
/// (`text(in:)` in `Messages/ArchiveError+Text.swift`).
public enum ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `reason` is the JSON decoder's account of what is wrong, in English.
    case unreadableConfiguration(path: String, reason: String)
    case unknownCounty(String, known: [County])
    /// A name that would reach outside the archive (or export folder) if used as a path.
    case unsafeName(String)
    /// The catalogue itself could not be read or written.
    case catalogue(path: String, reason: String)
    case badPrefix(String)
    /// The archive root to read from is not a folder (a mistyped `--archive` or `$MEDIA_ARCHIVE`).
    case notAnArchive(path: String)
    /// The export folder cannot be used or written (exists with files, not a folder, disk full …).
    case exportDestination(path: String, reason: Message)
    /// `--round` names no round of the archive.
    case unknownRound(String, known: [String])
    /// `round create` for an id that already has a file.
    case roundExists(String)
    /// A registration-form record entered by hand, or a forms export, that cannot be done as asked.
    case formInput(FormInputProblem)

    /// In English, for logs and for callers that do not choose a language.
    public var description: String { text(in: .en) }
}
