import ArgumentParser
import ArchiveBackends
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

        @Option(help: "The round handed in for (see `media-archive round list`). Default: the current round.")
        var round: String?

        @Option(name: .customLong("as"), help: "The part: \(Part.allCases.map(\.rawValue).joined(separator: ", ")). Default: told from kind and name.")
        var part: Part?

        @Flag(help: "Store files that fail the policy too, with verdict fail.")
        var acceptFailing = false

        @Option(help: "A media report that is an online article: its address (with --title; no files).")
        var url: String?
        @Option(help: "The article's title (with --url).") var title: String?
        @Option(help: "Who published it (with --url).") var outlet: String?
        @Option(help: "The day it was published, YYYY-MM-DD (with --url).") var published: String?

        @Argument(help: "Files or folders to ingest.")
        var paths: [String] = []

        func validate() throws {
            if url == nil {
                if paths.isEmpty { throw ValidationError(Wording.forReader.noPaths(.ingest)) }
                if title != nil || outlet != nil || published != nil {
                    throw ValidationError("--title, --outlet and --published describe a link: give its --url too")
                }
            } else {
                if !paths.isEmpty { throw ValidationError("give either --url (a link) or files, not both") }
                if title?.isEmpty ?? true { throw ValidationError("a link needs its --title (the article's headline)") }
                if let part, part != .mediaReport { throw ValidationError("a link is a media report: use --as media-report or leave --as out") }
            }
        }

        func run() throws {
            let settings = try options.loadSettings()
            let receipts: [IngestReceipt]
            var progress: (@Sendable (Int, Int) -> Void)? = nil
            let county = try settings.county(self.county)
            let backends = try options.loadBackends()
            do {
                var ingester = Ingester(settings: settings, county: county, round: try settings.round(round),
                                        part: part, acceptFailing: acceptFailing)
                ingester.catalogue = backends.catalogue(for: settings)
                ingester.objectStore = backends.store
                if let url {
                    guard let link = MediaReportLink(url: url, title: title ?? "", outlet: outlet,
                                                     published: try parseDay(published, flag: "--published")) else {
                        throw ValidationError("\"\(url)\" is not a web address: give the article's full http:// or https:// address")
                    }
                    receipts = [try ingester.ingest(link: link)]
                } else {
                    progress = Terminal.standardError.progressReporter(label: Wording.forReader.ingesting)
                    receipts = try ingester.ingest(paths: paths, progress: progress)
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw failArchive(error)
            }
            Terminal.standardError.endProgress(shown: progress != nil)
            let logged = AuditRecording.record(receipts, log: backends.audit(settings))
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
            return [receipt.path, words.status(receipt.status), receipt.sha256?.abbreviated ?? "—",
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
