import ArgumentParser
import MediaArchive

@main
struct MediaArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media-archive",
        abstract: "Check, archive and find the videos and photos that counties hand in.",
        discussion: """
            Exit codes: 0 all pass, 1 a policy failure, 2 a file that could not be read \
            (2 wins over 1), 64 a usage error.
            """,
        version: ArchiveVersion.current,
        subcommands: [Check.self, Inspect.self, Thumbnail.self, Ingest.self, Search.self, Show.self, Verify.self,
                      Report.self, Export.self, Counties.self, Serve.self, Token.self,
                      RoundCommand.self, Status.self, Forms.self, Audit.self, Backup.self, Restore.self, Migrate.self, Worker.self]
    )
}
