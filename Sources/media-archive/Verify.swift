import ArgumentParser
import ArchiveBackends
import MediaArchive

extension MediaArchiveCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-hash every stored object; report corrupt, missing and orphaned files.",
            discussion: "--repair adopts orphaned objects into the catalogue and remakes lost thumbnails; it never deletes anything. Exit 0 clean, 1 problems."
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .long, help: "Only this county (repeatable). Default: all.")
        var county: [String] = []

        @Flag(help: "Adopt orphaned objects (re-probing them) and remake missing thumbnails.")
        var repair = false

        func run() throws {
            let settings = try options.loadExistingArchive()
            let counties = try county.map { try settings.county($0) }
            let backends = try options.loadBackends()
            let report: VerifyReport
            do {
                if backends.store == nil && backends.catalogue == nil {
                    report = try Verifier(settings: settings).verify(counties: counties, repair: repair)
                } else {
                    report = try StoreVerifier(settings: settings, store: backends.store ?? FolderObjectStore(root: settings.root),
                                               catalogue: backends.catalogue(for: settings)).verify(counties: counties, repair: repair)
                }
            } catch { throw failArchive(error) }
            if options.json {
                try JSONOutput.print(report)
            } else {
                let words = Wording.forReader
                var lines = [words.verifyChecked(report.checked, intact: report.ok)]
                func list(_ list: Wording.VerifyList, _ items: [String]) {
                    guard !items.isEmpty else { return }
                    lines.append(words.counted(words.verifyHeading(list), items.count))
                    lines += items.map { "  \($0)" }
                }
                list(.corrupt, report.corrupt)
                list(.missing, report.missing)
                list(.orphaned, report.orphaned)
                list(.danglingThumbnails, report.danglingThumbnails)
                list(.adopted, report.adopted)
                list(.thumbnailsRemade, report.thumbnailsRemade)
                list(.unfinishedCopies, report.unfinishedCopies)
                list(.unfinishedRemoved, report.unfinishedRemoved ?? [])
                lines.append(words.verifyVerdict(problems: report.hasProblems))
                print(lines.joined(separator: "\n"))
            }
            if report.hasProblems { throw ExitCode(1) }
        }
    }
}
