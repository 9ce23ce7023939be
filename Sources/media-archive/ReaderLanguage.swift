import Foundation
import MediaArchive

extension Language {
    /// The language of whoever runs the command, from LC_ALL / LC_MESSAGES / LANG.
    static let ofReader = Language.fromEnvironment(ProcessInfo.processInfo.environment)
}

extension Wording {
    /// The words for whoever runs the command.
    static let forReader = Wording(.ofReader)
}

/// An error as the reader should see it: the archive's own problems in the reader's language.
func readable(_ error: any Error) -> String {
    if let archive = error as? ArchiveError { return archive.text(in: .ofReader) }
    return "\(error)"
}
