import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check, hash, store, thumbnail and catalogue what a county handed in.",
            discussion: """
                Prints a receipt per file (name, SHA-256, status, time). Failing videos are rejected \
                unless --accept-failing. The same bytes handed in twice are stored once. \
                Exit 0 all stored, 1 any rejected, 2 any unreadable.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(help: "The county: slug, Chinese name or code (see `media-archive counties`).")
        var county: String

        @Flag(help: "Store files that fail the policy too, with verdict fail.")
        var acceptFailing = false

        @Argument(help: "Files or folders to ingest.")
        var paths: [String] = []

        func validate() throws {
            if paths.isEmpty { throw ValidationError(Wording.forReader.noPaths(.ingest)) }
        }

        func run() throws {
            let settings = try options.loadSettings()
            let ingester = Ingester(settings: settings, county: try settings.county(county), acceptFailing: acceptFailing)
            let progress = Terminal.standardError.progressReporter(label: Wording.forReader.ingesting)
            let receipts: [IngestReceipt]
            do {
                receipts = try ingester.ingest(paths: paths, progress: progress)
            } catch {
                throw failArchive(error)
            }
            Terminal.standardError.endProgress(shown: progress != nil)
            let logged = AuditRecording.record(receipts, settings: settings)
            if options.json {
                try JSONOutput.print(receipts)
            } else {
                print(IngestTable.render(receipts, colours: Terminal.standardOutput.usesColour))
            }
            if !logged || receipts.contains(where: { $0.status == .rejected && $0.verdict == .error }) { throw ExitCode(2) }
            if receipts.contains(where: { $0.status == .rejected }) { throw ExitCode(1) }
        }
    }
}

enum IngestTable {
    static func render(_ receipts: [IngestReceipt], colours: Bool, words: Wording = .forReader) -> String {
        let rows = receipts.map { receipt in
            let notes = receipt.reasonMessages.texts(in: words.language)
                + receipt.warningMessages.texts(in: words.language).map { words.notePrefix + $0 }
            return [receipt.path, words.status(receipt.status), receipt.sha256.map { String($0.prefix(12)) } ?? "—",
                    receipt.ingestedAt, notes.joined(separator: words.separator)]
        }
        var table = TextTable(header: words.ingestHeader, rows: rows)
        if colours {
            table.decorate = { row, column, cell in
                guard column == 1 else { return cell }
                let code = switch receipts[row].status {
                case .stored: "\u{1B}[32m"
                case .duplicate: "\u{1B}[36m"
                case .rejected: "\u{1B}[31m"
                }
                return code + cell + "\u{1B}[0m"
            }
        }
        let count = { (status: IngestReceipt.Status) in receipts.filter { $0.status == status }.count }
        return table.render() + "\n\n" + words.ingestSummary(files: receipts.count, stored: count(.stored),
                                                             duplicate: count(.duplicate), rejected: count(.rejected))
    }
}
