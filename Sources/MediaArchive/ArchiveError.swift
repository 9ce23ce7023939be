/// Problems with the archive's own files and settings, phrased for the person who can fix them.
public enum ArchiveError: Error, Sendable, CustomStringConvertible {
    case unreadableConfiguration(path: String, reason: String)
    case unknownCounty(String, known: [String])
    /// A name that would reach outside the archive (or export folder) if used as a path.
    case unsafeName(String)
    /// The catalogue itself could not be read or written.
    case catalogue(path: String, reason: String)
    case badPrefix(String)
    /// The export folder cannot be used or written (exists with files, not a folder, disk full …).
    case exportDestination(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableConfiguration(let path, let reason):
            return "\(path): \(reason); fix the file, or remove it to use the built-in defaults"
        case .unknownCounty(let given, let known):
            return "unknown county \"\(given)\"; use a slug, Chinese name or code from: \(known.joined(separator: ", "))"
        case .unsafeName(let name):
            return "refusing the name \"\(name.replacingOccurrences(of: "\0", with: "\\0"))\": it could point outside the archive"
        case .badPrefix(let prefix):
            return "\"\(prefix)\" is not the start of a SHA-256; give at least 6 hexadecimal digits (0-9, a-f)"
        case .exportDestination(let path, let reason):
            return "cannot export to \(path): \(reason)"
        case .catalogue(let path, let reason):
            return "\(path): \(reason); nothing was changed — run `media-archive verify` and tell the archive's keeper"
        }
    }
}
