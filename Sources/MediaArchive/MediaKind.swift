/// What a submitted file is, decided from its content.
public enum MediaKind: String, Sendable, Codable, CaseIterable {
    case video, audio, photo, document, unknown
    /// A media report handed in as the address of an online article: an entry with no stored file.
    case link
}

/// The outcome of checking one file.
public enum Verdict: String, Sendable, Codable {
    /// Acceptable as it is.
    case pass
    /// Readable, but breaks a rule (too long, no picture, cut off …).
    case fail
    /// Could not be read at all (missing, empty, not a media file).
    case error
}
