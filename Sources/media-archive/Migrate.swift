import ArgumentParser
import ArchiveBackends
import Foundation
import MediaArchive

extension MediaArchiveCommand {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the archive's objects and entries to another store and catalogue (folder ⇄ S3 + PostgreSQL).",
            discussion: """
                From --store/--catalogue (default: the archive folder) to --to-store/--to-catalogue. Every object \
                is streamed across and re-hashed as read back from the target before its entry is written there. \
                Resumable: run it again after an interruption; what is already there is checked and skipped, nothing \
                is added twice. Exit 0 when everything was migrated, 1 when some entries failed (listed), 2 when a \
                backend cannot be opened.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .customLong("to-store"), help: "Where the objects go: file: or s3://BUCKET[/PREFIX].")
        var toStore: String
        @Option(name: .customLong("to-catalogue"), help: "Where the entries go: json: or postgres://USER@HOST:PORT/DB.")
        var toCatalogue: String
        @Option(name: .customLong("to-archive"), help: "For file:/json: targets, the archive folder to fill (default: --archive itself); the settings are copied into it.")
        var toArchive: String?
        @Option(name: .long, help: "Only this county (repeatable). Default: all.")
        var county: [String] = []

        func run() throws {
            let settings = try options.loadExistingArchive()
            let counties = try county.map { try settings.county($0) }
            let source = try options.loadBackends()
            let target: StorageBackends
            do { target = try StorageBackends.open(store: toStore, catalogue: toCatalogue) } catch {
                throw failArchive(error)
            }
            let targetRoot = toArchive.map { URL(fileURLWithPath: $0, isDirectory: true) }
            if targetRoot == nil, source.store == nil, target.store == nil, source.catalogue == nil, target.catalogue == nil {
                throw ValidationError("the source and the target are the same archive folder: give --to-store/--to-catalogue another backend, or --to-archive DIR")
            }
            let summary: ArchiveMigration.Summary
            do {
                summary = try ArchiveMigration(settings: settings, source: source, target: target, targetRoot: targetRoot).run(counties: counties)
            } catch { throw failArchive(error) }
            if options.json {
                try JSONOutput.print(summary)
            } else {
                print(Wording.forReader.migrateSummary(summary))
            }
            if !summary.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
