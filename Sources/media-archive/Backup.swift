import ArgumentParser
import Foundation
import MediaArchive

extension MediaArchiveCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Back the archive up into a folder (only new files are copied), or check a backup.",
            discussion: """
                --to DIR adds a snapshot to DIR: the catalogue, registry, policy, tokens and audit log \
                as they were at one moment (taken under the archive's locks, so an ingest running \
                meanwhile is either wholly in it or not at all), and every stored file and thumbnail \
                that catalogue names; a file the folder already has is not copied again. Each snapshot \
                has a manifest-sha256.txt (`cd DIR && sha256sum -c snapshots/NAME/manifest-sha256.txt`). \
                --check DIR re-hashes every file of every snapshot. Exit 0 done and clean, 1 a file \
                missing or damaged, 2 the backup could not be made or read.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .customLong("to"), help: ArgumentHelp("The backup folder to add a snapshot to.", valueName: "folder"))
        var destination: String?

        @Option(name: .customLong("check"), help: ArgumentHelp("A backup folder to re-hash instead.", valueName: "folder"))
        var checked: String?

        func validate() throws {
            if (destination == nil) == (checked == nil) {
                throw ValidationError("give either --to DIR (make a backup) or --check DIR (check one)")
            }
        }

        func run() throws {
            if let checked { return try check(checked) }
            try options.refuseOtherBackends()
            let settings = try options.loadExistingArchive()
            let result: BackupResult
            do {
                result = try ArchiveBackup(settings: settings, to: URL(fileURLWithPath: destination!)).run()
            } catch {
                throw failArchive(error)
            }
            if options.json {
                try JSONOutput.print(result)
            } else {
                print("""
                    Backed up \(settings.root.path) into \(destination!)/\(result.snapshot):
                      \(result.objectsCopied) new files copied, \(result.objectsAlreadyBackedUp) already backed up, \
                    \(result.thumbnailsCopied) thumbnails, \(result.snapshotFiles) catalogue and settings files \
                    (\(ByteText.describe(result.bytesCopied)) written)
                    """)
                for sha256 in result.missing { Terminal.standardError.error("\(sha256) is catalogued but its file is gone from the archive; not backed up (run `media-archive verify`)") }
                for sha256 in result.corrupt { Terminal.standardError.error("\(sha256) no longer matches its SHA-256 in the archive; not backed up (run `media-archive verify`)") }
            }
            if result.hasProblems { throw ExitCode(1) }
        }

        private func check(_ folder: String) throws {
            let report: BackupCheckReport
            do { report = try BackupCheck(URL(fileURLWithPath: folder)).run() } catch { throw failArchive(error) }
            if options.json {
                try JSONOutput.print(report)
            } else {
                var lines = ["Checked \(report.checked) files of \(report.snapshots.count) snapshots in \(folder): \(report.ok) intact."]
                lines += report.corrupt.map { "damaged: \($0)" } + report.missing.map { "missing: \($0)" }
                lines.append(report.hasProblems ? "The backup has problems: restore from another snapshot or backup for the files above."
                                                : "The backup is intact.")
                print(lines.joined(separator: "\n"))
            }
            if report.hasProblems { throw ExitCode(1) }
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild an archive from a backup, into a new folder.",
            discussion: "Copies the latest snapshot (or --snapshot NAME) into --archive, which must be new or empty, checking every file against the manifest. Run `media-archive verify --archive NEW` after."
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .customLong("from"), help: ArgumentHelp("The backup folder.", valueName: "folder"))
        var backup: String

        @Option(help: ArgumentHelp("A snapshot's name (default: the latest).", valueName: "name"))
        var snapshot: String?

        func validate() throws {
            if options.archive == nil { throw ValidationError("give --archive NEW: the new folder to restore into") }
        }

        func run() throws {
            try options.refuseOtherBackends()
            let target = ArchiveSettings.root(flag: options.archive)
            let result: RestoreResult
            do {
                result = try BackupRestore(from: URL(fileURLWithPath: backup), to: target).run(snapshot: snapshot)
            } catch {
                throw failArchive(error)
            }
            if options.json {
                try JSONOutput.print(result)
            } else {
                print("Restored \(result.snapshot) into \(result.archive): \(result.filesRestored) files, \(ByteText.describe(result.bytesRestored)). Check it with: media-archive verify --archive \(result.archive)")
            }
        }
    }
}
