import ArgumentParser
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
            let settings = try options.loadSettings()
            let counties = try county.map { try settings.county($0) }
            let report: VerifyReport
            do { report = try Verifier(settings: settings).verify(counties: counties, repair: repair) } catch { throw failArchive(error) }
            if options.json {
                try JSONOutput.print(report)
            } else {
                var lines = ["checked \(report.checked) objects: \(report.ok) intact"]
                func list(_ label: String, _ items: [String]) {
                    guard !items.isEmpty else { return }
                    lines.append("\(label) (\(items.count)):")
                    lines += items.map { "  \($0)" }
                }
                list("CORRUPT — bytes changed since ingest; restore from a backup", report.corrupt)
                list("MISSING — catalogued but the file is gone; restore from a backup", report.missing)
                list("ORPHANED — stored but not catalogued; run verify --repair to adopt", report.orphaned)
                list("DANGLING THUMBNAILS", report.danglingThumbnails)
                list("adopted into the catalogue", report.adopted)
                list("thumbnails remade", report.thumbnailsRemade)
                list("unfinished copies from interrupted ingests (harmless; the next ingest removes those older than a day)", report.unfinishedCopies)
                lines.append(report.hasProblems ? "problems found" : "the archive is intact")
                print(lines.joined(separator: "\n"))
            }
            if report.hasProblems { throw ExitCode(1) }
        }
    }
}
