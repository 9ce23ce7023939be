import ArgumentParser
import ArchiveBackends
import MediaArchive

extension MediaArchiveCommand {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find catalogue entries by county, date, kind, verdict, camera and text.",
            discussion: "Dates are inclusive days in the policy's time zone, matched against the capture day (else the ingest day)."
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .long, help: "A county (repeatable): slug, Chinese name or code. Default: all.")
        var county: [String] = []
        @Option(name: .long, help: "First day, YYYY-MM-DD.") var from: String?
        @Option(name: .long, help: "Last day, YYYY-MM-DD.") var to: String?
        @Option(name: .long, help: "video, audio, photo or document.") var kind: MediaKind?
        @Option(name: .long, help: "pass or fail.") var verdict: Verdict?
        @Option(name: .long, help: "Part of the camera's make or model.") var camera: String?
        @Option(name: .long, help: "Part of an original name, title or description.") var text: String?
        @Option(name: .long, help: "A round's id (see `media-archive round list`). Default: every round.") var round: String?
        @Option(name: .customLong("as"), help: "A part of the hand-in: key-projects, open-institutions, summary, photo, video, media-report or other.")
        var part: Part?

        func run() throws {
            let settings = try options.loadExistingArchive()
            let catalog = Catalog(settings: settings, catalogue: try options.loadBackends().catalogue)
            var query = CatalogQuery()
            query.counties = try county.map { try settings.county($0) }
            query.from = try parseDay(from, flag: "--from")
            query.to = try parseDay(to, flag: "--to")
            query.kind = kind
            query.verdict = verdict
            query.camera = camera
            query.text = text
            query.part = part
            if let round {
                guard settings.rounds.round(id: round) != nil else {
                    throw failArchive(ArchiveError.unknownRound(round, known: settings.rounds.rounds.map(\.id)))
                }
                query.round = round
            }
            do {
                if options.json {
                    // Entries as stored, one per line: no decoding and re-encoding of thousands.
                    let lines = try catalog.searchJSONLines(query)
                    JSONOutput.printLines(lines)
                } else {
                    print(EntryTable.render(try catalog.search(query), counties: settings.counties))
                }
            } catch {
                throw failArchive(error)
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One catalogue entry, by the start of its SHA-256.", discussion: "Exit 0, or 1 when nothing matches.")

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "The first 6 or more hex digits of the SHA-256.")
        var prefix: String

        func run() throws {
            let settings = try options.loadExistingArchive()
            let entries: [CatalogEntry]
            let backends = try options.loadBackends()
            do { entries = try backends.catalog(settings).show(prefix: prefix, objectsInFolder: backends.store == nil) } catch ArchiveError.badPrefix {
                throw ValidationError("\"\(prefix)\" is not the start of a SHA-256; give at least 6 hexadecimal digits")
            } catch { throw failArchive(error) }
            guard !entries.isEmpty else {
                Terminal.standardError.error(Wording.forReader.nothingStartsWith(prefix))
                throw ExitCode(1)
            }
            if options.json {
                // One entry is the usual answer; an ambiguous prefix lists all that match.
                if entries.count == 1 { try JSONOutput.print(entries[0]) } else { try JSONOutput.print(entries) }
            } else {
                print(entries.map { EntryText.render($0, counties: settings.counties) }.joined(separator: "\n\n"))
            }
        }
    }
}

extension MediaKind: ExpressibleByArgument {}
extension Verdict: ExpressibleByArgument {}
extension Part: ExpressibleByArgument {}

enum EntryTable {
    static func render(_ entries: [CatalogEntry], counties: CountyRegistry, words: Wording = .forReader) -> String {
        let rows = entries.map { entry in
            [entry.day.description, counties.counties.first { $0.slug == entry.county }?.name ?? entry.county,
             words.kind(entry.kind), entry.durationSeconds.map(DurationText.clock) ?? "", words.verdict(entry.verdict),
             entry.sha256.abbreviated, entry.originalNames.first ?? ""]
        }
        let table = TextTable(header: words.searchHeader, rows: rows)
        return table.render() + "\n\n" + words.entryCount(entries.count)
    }
}

enum EntryText {
    /// The catalogue keeps reasons and warnings as English sentences (the record of what was
    /// said at ingest) with their Chinese beside them (`zh`); a Chinese reader gets those, and
    /// the English of entries written before the Chinese was kept.
    static func render(_ entry: CatalogEntry, counties: CountyRegistry, words: Wording = .forReader) -> String {
        let countyName = counties.counties.first { $0.slug == entry.county }.map { "\($0.name) (\($0.slug))" } ?? entry.county
        var lines: [(Wording.Field, String)] = [
            (.county, countyName), (.kind, words.kind(entry.kind) + (entry.format.map { " (\($0))" } ?? "")),
            (.verdict, ([words.verdict(entry.verdict)] + entry.reasons(in: words.language)).joined(separator: " — ")),
            (.names, entry.originalNames.joined(separator: ", ")), (.bytes, "\(entry.bytes)"),
            (.object, entry.object ?? entry.url ?? words.none), (.thumbnail, entry.thumbnail ?? words.none), (.ingested, entry.ingestedAt),
            (.captured, entry.capturedAt.map { "\($0) (\(entry.capturedAtSource.rawValue))" } ?? words.unknown),
        ]
        if let duration = entry.durationSeconds { lines.append((.length, DurationText.clock(duration))) }
        if let camera = entry.camera { lines.append((.camera, [camera.make, camera.model].compactMap { $0 }.joined(separator: " "))) }
        if let gps = entry.gps { lines.append((.gps, "\(gps.latitude), \(gps.longitude)")) }
        if let title = entry.title { lines.append((.title, title)) }
        for warning in entry.warnings(in: words.language) { lines.append((.warning, warning)) }
        return LabelledLines.render(title: entry.sha256.hex, lines.map { (words.field($0.0), $0.1) })
    }
}
