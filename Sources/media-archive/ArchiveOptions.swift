import ArgumentParser
import Foundation
import ArchiveBackends
import MediaArchive

/// Flags every command takes.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: "The archive folder (default: $MEDIA_ARCHIVE, else ./Archive).")
    var archive: String?

    @Option(name: .long, help: "A policy.json to use instead of the archive's own.")
    var policy: String?

    @Flag(name: .long, help: "Print one JSON document on stdout instead of a table.")
    var json = false

    @Option(name: .long, help: "Where the objects are: file: (the archive folder) or s3://BUCKET[/PREFIX] (default: $MEDIA_ARCHIVE_STORE, else file:).")
    var store: String?

    @Option(name: .long, help: "Where the catalogue is: json: (the archive folder) or postgres://USER@HOST:PORT/DB (default: $MEDIA_ARCHIVE_CATALOGUE, else json:).")
    var catalogue: String?

    /// The object store and catalogue the flags and environment name; one that cannot be
    /// opened is reported and exits 2.
    func loadBackends() throws -> Backends {
        do {
            return try Backends.open(store: store, catalogue: catalogue)
        } catch {
            throw failArchive(error)
        }
    }

    /// For the commands that work on the archive folder alone (`backup`, `restore`): another
    /// store or catalogue, named by flag or environment, is refused (exit 2) saying what to use.
    func refuseOtherBackends(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let named = [store ?? environment["MEDIA_ARCHIVE_STORE"], catalogue ?? environment["MEDIA_ARCHIVE_CATALOGUE"]]
        guard named.contains(where: { ![nil, "", "file:", "file", "json:", "json"].contains($0) }) else { return }
        Terminal.standardError.error(Wording.forReader.backupNotForBackends)
        throw ExitCode(2)
    }

    /// The archive's access tokens: `tokens.json` in the archive folder, or the PostgreSQL
    /// catalogue's table when `--catalogue` / `$MEDIA_ARCHIVE_CATALOGUE` names one.
    func loadTokens() throws -> AccessTokens {
        AccessTokens(root: ArchiveSettings.root(flag: archive), storage: try loadBackends().tokenStorage)
    }

    /// The archive's settings; a broken policy.json or counties.json is reported and exits 2.
    func loadSettings() throws -> ArchiveSettings {
        do {
            return try ArchiveSettings.load(root: ArchiveSettings.root(flag: archive), policyFile: policy)
        } catch {
            Terminal.standardError.error(readable(error))
            throw ExitCode(2)
        }
    }

    /// The settings of an archive that must already exist (the commands that read one); a
    /// missing archive folder is reported and exits 2.
    func loadExistingArchive() throws -> ArchiveSettings {
        let settings = try loadSettings()
        do { try settings.requireArchiveFolder() } catch { throw failArchive(error) }
        return settings
    }
}
