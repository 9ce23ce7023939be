import ArgumentParser
import ArchiveBackends
import MediaArchive

extension MediaArchiveCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What each county has handed in for a round, part by part, and what it still owes.",
            discussion: """
                have/need per part (forms count records), late items, failing videos. \
                Exit 0 when every county shown is complete, 1 otherwise.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(help: "The round (see `media-archive round list`). Default: the current round.")
        var round: String?

        @Option(name: .long, help: "A county (repeatable): slug, Chinese name or code. Default: all.")
        var county: [String] = []

        @Flag(help: "Only the counties with something missing, each with one line saying what.")
        var missing = false

        func run() throws {
            let settings = try options.loadExistingArchive()
            let backends = try options.loadBackends()
            let status: HandInStatus
            let round: MediaArchive.Round
            do {
                round = try settings.round(self.round)
                status = try HandInStatusReader(settings: settings, catalogue: backends.catalogue).status(round: round, counties: try county.map { try settings.county($0) })
            } catch let error as ExitCode {
                throw error
            } catch {
                throw failArchive(error)
            }
            var shown = status
            if missing { shown.counties = status.counties.filter { !$0.complete } }
            let words = Wording.forReader
            if options.json {
                try JSONOutput.print(shown)
            } else if missing {
                print(shown.counties.map(words.stillOwes).joined(separator: "\n"))
            } else {
                let rows = shown.counties.map { county in
                    [county.name] + Part.allCases.map { words.statusCell(county.part($0)) } + [words.statusWord(complete: county.complete)]
                }
                print(TextTable(header: words.statusHeader, rows: rows).render())
                print("\n" + words.statusSummary(round: round, complete: status.counties.filter(\.complete).count, total: status.counties.count))
            }
            if !status.isComplete { throw ExitCode(1) }
        }
    }
}
