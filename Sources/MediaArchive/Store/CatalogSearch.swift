public import Foundation

/// A search of the catalogue. Dates are inclusive days in the policy's zone, matched against
/// each entry's day (capture day, else ingest day); only the day shards in range are read.
public struct CatalogQuery: Sendable {
    public var counties: [County] = []
    public var from: CalendarDay?
    public var to: CalendarDay?
    public var kind: MediaKind?
    public var verdict: Verdict?
    /// Case-insensitive part of the camera's make or model.
    public var camera: String?
    /// Case-insensitive part of an original name, title or description.
    public var text: String?
    /// The round's id, and the part in the hand-in.
    public var round: String?
    public var part: Part?

    public init() {}

    var dayRange: DayRange? {
        guard from != nil || to != nil else { return nil }
        return DayRange(start: from ?? CalendarDay(1900, 1, 1), end: to ?? CalendarDay(9999, 12, 31))
    }

    /// Whether some filter (camera, text) can only be judged on a decoded entry.
    var needsDecoding: Bool { camera != nil || text != nil }

    /// `matches` for the filters that can be read off an entry's stored JSON text.
    func matchesText(_ line: EntryLine) -> Bool {
        if let kind, !line.has("kind", equalTo: kind.rawValue) { return false }
        if let verdict, !line.has("verdict", equalTo: verdict.rawValue) { return false }
        // Entries written before rounds store neither key: they are judged once placed.
        if line.isPlaced {
            if let round, !line.has("round", equalTo: round) { return false }
            if let part, !line.has("part", equalTo: part.rawValue) { return false }
        }
        return true
    }

    /// `entry` must be placed in its round (`CatalogEntry.placed(in:)`).
    func matches(_ entry: CatalogEntry) -> Bool {
        if let round, entry.round != round { return false }
        if let part, entry.part != part { return false }
        if let kind, entry.kind != kind { return false }
        if let verdict, entry.verdict != verdict { return false }
        if let camera {
            let text = [entry.camera?.make, entry.camera?.model].compactMap { $0 }.joined(separator: " ")
            if text.range(of: camera, options: [.caseInsensitive, .diacriticInsensitive]) == nil { return false }
        }
        if let text {
            let haystack = entry.originalNames + [entry.title, entry.description].compactMap { $0 }
            if !haystack.contains(where: { $0.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil }) {
                return false
            }
        }
        return true
    }
}

/// The whole archive's catalogue, across counties.
public struct Catalog: Sendable {
    public var settings: ArchiveSettings
    /// Where the entries are: the archive folder's JSON files unless told otherwise.
    public var catalogue: any EntryCatalogue

    public init(settings: ArchiveSettings, catalogue: (any EntryCatalogue)? = nil) {
        self.settings = settings
        self.catalogue = catalogue ?? JSONEntryCatalogue(root: settings.root)
    }

    /// Whether the entries are the archive folder's JSON files (read as stored text, unparsed).
    var isEmbedded: Bool { catalogue is JSONEntryCatalogue }

    func countyCatalog(_ county: County) throws -> CountyCatalog {
        CountyCatalog(folder: try CountyFolder(root: settings.root, county: county))
    }

    /// Files an entry in its county's catalogue under the county lock; when the same content is
    /// already catalogued, records the entry's original names on it instead. Returns whether
    /// the entry was new. (Ingest calls this after storing the object; imports may call it directly.)
    @discardableResult
    public func add(_ entry: CatalogEntry) throws -> Bool {
        let county = try settings.counties.resolve(entry.county)
        if case .added = try catalogue.add(entry, county: county, rounds: settings.rounds) { return true }
        return false
    }

    /// Matching entries, by county (registry order), then day, then ingest time.
    public func search(_ query: CatalogQuery) throws -> [CatalogEntry] {
        let counties = query.counties.isEmpty ? settings.counties.counties : query.counties
        let range = query.dayRange
        if let range, range.start > range.end { return [] }
        return try counties.flatMap { county in
            try catalogue.entries(of: county, in: range).map { $0.placed(in: settings.rounds) }.filter(query.matches)
                .sorted { ($0.day, $0.ingestedAt) < ($1.day, $1.ingestedAt) }
        }
    }

    /// The same entries as `search`, as the JSON text the catalogue stores for each (one line
    /// per entry), passed through without decoding — what `search --json` prints. Kind and
    /// verdict are matched on the text; a camera or text query decodes.
    public func searchJSONLines(_ query: CatalogQuery) throws -> [Data] {
        if query.needsDecoding {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try search(query).map { try encoder.encode($0) }
        }
        var lines: [Data] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var worded = WordedLines()
        try forEachLine(query) { line in
            if line.isPlaced && !line.storesMessageCodes {
                lines.append(line.json)
            } else if line.isPlaced, let shown = worded.shown(line.json) {
                // Schema 3: the stored line with its sentences put in (the same bytes as decoding it).
                lines.append(shown)
            } else {
                // Written before rounds: shown with the round and part it is read as. Written with
                // message codes (schema 3): shown with their sentences, worded now.
                let entry = try JSONDecoder().decode(CatalogEntry.self, from: line.json).placed(in: settings.rounds)
                if query.matches(entry) { lines.append(try encoder.encode(entry)) }
            }
            return true
        }
        return lines
    }

    /// The stored lines of `query`'s counties and days, in `search` order, that pass the
    /// filters readable from the text (kind, verdict), until `visit` returns false. Nothing is
    /// decoded here, so callers that need only some entries decode only those.
    func forEachLine(_ query: CatalogQuery, _ visit: (EntryLine) throws -> Bool) throws {
        let counties = query.counties.isEmpty ? settings.counties.counties : query.counties
        let range = query.dayRange
        if let range, range.start > range.end { return }
        for county in counties {
            if !isEmbedded {
                // A catalogue that keeps each entry's text (PostgreSQL) hands it over in search order.
                for line in try catalogue.entryLines(of: county, in: range) where query.matchesText(line) {
                    if try !visit(line) { return }
                }
                continue
            }
            let catalog = try countyCatalog(county)
            for day in try catalog.days(in: range) {
                for line in try catalog.entryLines(on: day) where query.matchesText(line) {
                    if try !visit(line) { return }
                }
            }
        }
    }

    /// Entry lines as one JSON array document, one entry per line (what `search --json` prints).
    public static func jsonArray(_ lines: [Data]) -> Data {
        var output = Data("[\n".utf8)
        output.reserveCapacity(lines.reduce(4) { $0 + $1.count + 2 })
        for (index, line) in lines.enumerated() {
            output.append(line)
            output.append(contentsOf: index == lines.count - 1 ? [0x0A] : [0x2C, 0x0A])
        }
        output.append(contentsOf: Array("]\n".utf8))
        return output
    }

    /// The one entry whose SHA-256 starts with `prefix` (at least 6 hex digits), looked up by
    /// the object files in the archive folder, so no catalogue file has to be scanned; in
    /// another catalogue (PostgreSQL) by its own lookup.
    /// `objectsInFolder` false: the objects are elsewhere (S3), so the catalogue is asked.
    public func show(prefix: String, objectsInFolder: Bool = true) throws -> [CatalogEntry] {
        let wanted = prefix.lowercased()
        guard wanted.count >= 6, wanted.count <= 64, wanted.allSatisfy(\.isHexDigit) else {
            throw ArchiveError.badPrefix(prefix)
        }
        var found: [CatalogEntry] = []
        if !isEmbedded || !objectsInFolder {
            for county in settings.counties.counties {
                // By SHA-256 then ingest, as the object files' listing gives them below.
                let matching = try catalogue.entries(sha256Prefix: wanted, county: county)
                found += matching.sorted { ($0.sha256, $0.ingestedAt) < ($1.sha256, $1.ingestedAt) }.map { $0.placed(in: settings.rounds) }
            }
            return found
        }
        for county in settings.counties.counties {
            let catalog = try countyCatalog(county)
            let bucket = catalog.folder.objects.appendingPathComponent(String(wanted.prefix(2)))
            let names = (try? FileManager.default.contentsOfDirectory(atPath: bucket.path)) ?? []
            for name in names where name.hasPrefix(wanted) {
                if let sha = SHA256Hash(hex: String(name.prefix { $0 != "." })) {
                    found += try catalog.entries(sha256: sha).map { $0.placed(in: settings.rounds) }
                }
            }
        }
        return found
    }
}
