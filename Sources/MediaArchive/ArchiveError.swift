/// Problems with the archive's own files and settings, phrased for the person who can fix them.
public enum ArchiveError: Error, Sendable, CustomStringConvertible {
    case unreadableConfiguration(path: String, reason: String)
    case unknownCounty(String, known: [String])

    public var description: String {
        switch self {
        case .unreadableConfiguration(let path, let reason):
            return "\(path): \(reason); fix the file, or remove it to use the built-in defaults"
        case .unknownCounty(let given, let known):
            return "unknown county \"\(given)\"; use a slug, Chinese name or code from: \(known.joined(separator: ", "))"
        }
    }
}
