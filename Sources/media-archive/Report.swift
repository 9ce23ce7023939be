import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per county: items by kind, minutes of video, failures, warnings, deadline status.",
            discussion: """
                Counties in registry order, including those that have handed in nothing. "on time" means \
                every item was ingested on or before the policy's deadline day (with --round: the round's \
                deadline, and for forms its registration deadline). Exit 0.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(help: "Only this round's items, late against its deadlines (forms: its registration deadline). Default: every item, against the policy's deadline.")
        var round: String?

        func run() throws {
            let settings = try options.loadExistingArchive()
            let reports: [CountyReport]
            var deadline = settings.policy.deadline
            let backends = try options.loadBackends()
            do {
                var report = SubmissionReport(settings: settings, catalogue: backends.catalogue)
                if let round {
                    report.round = try settings.round(round)
                    deadline = report.round!.deadline
                }
                reports = try report.counties()
            } catch { throw failArchive(error) }
            if options.json {
                try JSONOutput.print(reports)
            } else {
                print(ReportTable.render(reports, deadline: deadline))
            }
        }
    }
}

enum ReportTable {
    static func render(_ reports: [CountyReport], deadline: CalendarDay, words: Wording = .forReader) -> String {
        let rows = reports.map { report -> [String] in
            let kinds = report.byKind
            let submitted = report.items > 0
            return [report.name, "\(report.items)", "\(kinds.video)", "\(kinds.photo)", "\(kinds.document)",
                    "\(kinds.audio + kinds.unknown)", submitted ? String(format: "%.1f", report.videoMinutes) : "",
                    "\(report.failing)", "\(report.warned)", report.firstIngest.map(day) ?? "—",
                    report.lastIngest.map(day) ?? "—", words.deadlineStatus(report)]
        }
        var text = TextTable(header: words.reportHeader(deadline: deadline), rows: rows).render()
        text += "\n\n" + words.silentCounties(reports.filter { $0.deadline == .nothingSubmitted }.map(\.name))
        return text
    }

    /// "2021-06-02 14:05" from an ISO 8601 stamp: enough for a table.
    private static func day(_ stamp: String) -> String {
        stamp.count >= 16 ? String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ") : stamp
    }
}
