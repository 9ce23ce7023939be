import ArgumentParser
import ArchiveBackends
import Foundation
import MediaArchive

extension MediaArchiveCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hand-over copy of one county's archived files, with readable names; BagIt on request.",
            discussion: """
                Files are named "<day> <original name>" (e.g. "2021-05-23 科技周开幕式.mp4"; a second file \
                with the same day and name gets " (2)"), with the extension of the detected format. Each \
                file is checked against its catalogued SHA-256 while it is copied; a damaged or missing \
                one is listed and left out. manifest.json and manifest.csv list what was exported. \
                With --bagit the folder becomes a BagIt 1.0 bag (RFC 8493): files under data/, \
                manifest-sha256.txt, bag-info.txt, and the catalogue entries in catalogue.json/.csv. \
                The folder must be new or empty; nothing is overwritten. \
                Exit 0 all exported, 1 some file missing or damaged (the rest exported), 2 the folder \
                cannot be used or written.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(help: "The county: slug, Chinese name or code (see `media-archive counties`).")
        var county: String

        @Option(name: .customLong("to"), help: ArgumentHelp("The folder to export into: new, or empty.", valueName: "folder"))
        var destination: String

        @Option(name: .long, help: ArgumentHelp("First day, inclusive (an item's day is its capture day, else its ingest day).", valueName: "YYYY-MM-DD"))
        var from: String?

        @Option(name: .long, help: ArgumentHelp("Last day, inclusive. (--to names the folder, so the end date is --until.)", valueName: "YYYY-MM-DD"))
        var until: String?

        @Flag(help: "Write a BagIt 1.0 bag (RFC 8493).")
        var bagit = false

        @Option(help: "Only this round's items (see `media-archive round list`). Default: every round.")
        var round: String?

        func validate() throws {
            let first = try parseDay(from, flag: "--from")
            let last = try parseDay(until, flag: "--until")
            if let first, let last, first > last {
                throw ValidationError(Wording.forReader.fromAfterUntil(first, last))
            }
        }

        func run() throws {
            let settings = try options.loadExistingArchive()
            let backends = try options.loadBackends()
            var export = HandOverExport(
                settings: settings, county: try settings.county(county),
                destination: URL(fileURLWithPath: destination, isDirectory: true),
                from: try parseDay(from, flag: "--from"), until: try parseDay(until, flag: "--until"), bagIt: bagit)
            export.catalogue = backends.catalogue
            export.objectStore = backends.store
            let result: ExportResult
            do {
                if let round { export.round = try settings.round(round).id }
                result = try export.run()
            } catch { throw failArchive(error) }

            for problem in result.problems {
                Terminal.standardError.error("\(problem.originalName ?? problem.sha256.hex) (\(problem.sha256.abbreviated)): \(Wording.forReader.exportProblem(problem))")
            }
            if options.json {
                try JSONOutput.print(result)
            } else {
                print(ExportText.render(result))
            }
            if !result.problems.isEmpty { throw ExitCode(1) }
        }
    }
}

enum ExportText {
    static func render(_ result: ExportResult, words: Wording = .forReader) -> String {
        let rows = result.exported.map { [$0.file, $0.sha256.abbreviated] }
            + result.problems.map { [words.notExported($0.problem, name: $0.originalName ?? "?"), $0.sha256.abbreviated] }
        var lines: [String] = []
        if !rows.isEmpty { lines.append(TextTable(header: words.exportHeader, rows: rows).render() + "\n") }
        lines.append(words.exportSummary(result))
        if !result.problems.isEmpty {
            lines.append(words.notExportedCount(result.problems.count))
        }
        return lines.joined(separator: "\n")
    }
}
