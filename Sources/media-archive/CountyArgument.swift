import ArgumentParser
import Foundation
import MediaArchive

extension ArchiveSettings {
    /// Resolves `--county` (slug, Chinese name or code); an unknown one is a usage error
    /// (exit 64) that lists the known counties.
    func county(_ text: String) throws -> County {
        do {
            return try counties.resolve(text)
        } catch {
            Terminal.standardError.error(readable(error))
            throw ExitCode(64)
        }
    }
}

/// Parses a `--from`/`--to` day.
func parseDay(_ text: String?, flag: String) throws -> CalendarDay? {
    guard let text else { return nil }
    guard let day = CalendarDay(parsing: text) else {
        throw ValidationError(Wording.forReader.badDate(flag: flag, given: text))
    }
    return day
}

/// Reports an archive failure in the user's words and exits 2.
func failArchive(_ error: any Error) -> ExitCode {
    Terminal.standardError.error(readable(error))
    return ExitCode(2)
}
