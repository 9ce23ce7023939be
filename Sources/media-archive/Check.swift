import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The 3-minute gate: is each video acceptable? Stores nothing.",
            discussion: "Folders are walked recursively (hidden files skipped). Exit 0 all pass, 1 any fail, 2 any unreadable."
        )

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "Files or folders to check.")
        var paths: [String] = []

        func validate() throws {
            if paths.isEmpty { throw ValidationError(Wording.forReader.noPaths(.check)) }
        }

        func run() throws {
            let settings = try options.loadSettings()
            let batch = CheckBatch(checker: SubmissionChecker(policy: settings.policy))
            let progress = Terminal.standardError.progressReporter(label: Wording.forReader.checking)
            let results = batch.run(paths: paths, progress: progress)
            Terminal.standardError.endProgress(shown: progress != nil)

            if options.json {
                try JSONOutput.print(results)
            } else {
                print(CheckTable(results: results, policy: settings.policy, colours: Terminal.standardOutput.usesColour).render())
            }
            let status = ExitStatus.forVerdicts(results.map(\.verdict))
            if status != 0 { throw ExitCode(status) }
        }
    }
}
