import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What was done when and by whom: ingests and token changes, from the audit log.",
            discussion: """
                Reads <archive>/audit/YYYY-MM.jsonl (one JSON event per line, never rewritten). \
                Days are in the policy's time zone, inclusive. Each event: time, who {name, role}, \
                action, county, round, part, sha256, file, detail.
                """
        )

        @OptionGroup var options: ArchiveOptions

        @Option(help: "Only this county: slug, Chinese name or code.") var county: String?
        @Option(name: .long, help: ArgumentHelp("First day, inclusive.", valueName: "YYYY-MM-DD")) var from: String?
        @Option(name: .long, help: ArgumentHelp("Last day, inclusive.", valueName: "YYYY-MM-DD")) var to: String?

        func validate() throws {
            if let first = try parseDay(from, flag: "--from"), let last = try parseDay(to, flag: "--to"), first > last {
                throw ValidationError("--from \(first) is after --to \(last)")
            }
        }

        func run() throws {
            let settings = try options.loadExistingArchive()
            let slug = try county.map { try settings.county($0).slug }
            let reading: AuditLog.Reading
            do {
                reading = try options.loadBackends().audit(settings).events(county: slug, from: try parseDay(from, flag: "--from"),
                                                                  to: try parseDay(to, flag: "--to"))
            } catch {
                throw failArchive(error)
            }
            for line in reading.unreadableLines {
                Terminal.standardError.warning("\(settings.root.path)/\(line) is not an audit event and was skipped")
            }
            if options.json {
                try JSONOutput.print(reading.events)
                return
            }
            if reading.events.isEmpty {
                print("No audit events\(slug.map { " for \($0)" } ?? "") in that time.")
                return
            }
            let rows = reading.events.map { event in
                [event.time, event.who.name, event.who.role, event.action.rawValue, event.county ?? "—",
                 event.sha256.map { String($0.prefix(12)) } ?? "—", event.file ?? "", event.detail ?? ""]
            }
            print(TextTable(header: ["TIME", "WHO", "ROLE", "WHAT", "COUNTY", "SHA-256", "FILE", "DETAIL"], rows: rows).render())
        }
    }
}
