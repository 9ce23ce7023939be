import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Counties: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the county registry (counties.json).")

        @OptionGroup var options: ArchiveOptions

        func run() throws {
            let registry = try options.loadSettings().counties
            if options.json {
                try JSONOutput.print(registry.counties)
                return
            }
            let rows = registry.counties.map { [$0.slug, $0.name, $0.code ?? "—", $0.fullName ?? ""] }
            print(TextTable(header: Wording.forReader.countiesHeader, rows: rows).render())
        }
    }
}
