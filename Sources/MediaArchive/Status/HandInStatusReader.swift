import Foundation

/// Works out `status` from the catalogue and the form records.
public struct HandInStatusReader: Sendable {
    public var settings: ArchiveSettings
    /// Where the entries are: the archive folder's JSON files unless told otherwise.
    public var catalogue: any EntryCatalogue
    /// The kept per-day tallies of the archive folder's JSON catalogue (other catalogues are
    /// read entry by entry).
    public var tallies: DayTallies

    public init(settings: ArchiveSettings, catalogue: (any EntryCatalogue)? = nil, tallies: DayTallies = .shared) {
        self.settings = settings
        self.catalogue = catalogue ?? JSONEntryCatalogue(root: settings.root)
        self.tallies = tallies
    }

    /// The round's status for `counties` (every county of the registry when empty).
    public func status(round: Round, counties: [County] = []) throws -> HandInStatus {
        let shown = counties.isEmpty ? settings.counties.counties : counties
        let forms = FormStore(settings: settings, storage: catalogue.formStorage)
        let markLog = MarkLog(settings: settings, storage: catalogue.markStorage)
        let zone = settings.policy.zone
        let one = { @Sendable (county: County) in
            Result { () throws -> CountyStatus in
                let clock = IngestClock(zone: zone)  // one per county: a clock is not shared between threads
                let marks = try markLog.marks(county: county)
                let records = try forms.stamps(round: round.id, county: county)
                return Self.status(of: county, round: round, parts: try counted(county, round: round, marks: marks, clock: clock),
                                   records: records, clock: clock)
            }
        }
        // The archive folder's counties are separate folders, read on every core (status is
        // mostly a `stat` per day, ~18,000 at 1,000,000 entries); a database is asked in turn.
        let results = catalogue is JSONEntryCatalogue ? shown.parallelMap(one) : shown.map(one)
        return HandInStatus(round: round.id, counties: try results.map { try $0.get() })
    }

    /// What counts of the county's entries in `round`, per part: the kept day tallies less the
    /// entries a withdraw or return mark names, found by their SHA-256 (marks are few).
    private func counted(_ county: County, round: Round, marks: CountyMarks, clock: IngestClock) throws -> [Part: DayTally.Cell] {
        let rounds = settings.rounds
        let judging = DayTally.judging(round, in: rounds)
        guard let json = catalogue as? JSONEntryCatalogue, json.root.standardizedFileURL == settings.root.standardizedFileURL else {
            // Another catalogue (PostgreSQL) counts the round itself (`roundTallies`, in SQL).
            return try catalogue.roundTallies(of: county, round: round, rounds: rounds, marks: marks, zone: clock.zone)
                .mapValues(DayTally.Cell.init)
        }
        var total = DayTally(cells: [:])
        var parts: [Part: DayTally.Cell] = [:]
        for day in try tallies.tallies(of: county, settings: settings, judging: round) { day.addParts(of: round.id, to: &parts) }
        let named = Set(marks.marks.filter { $0.mark != .formsReopened && $0.round == round.id }.compactMap(\.sha256))
        for sha256 in named.sorted() {
            for entry in try catalogue.entries(sha256: sha256, county: county).map({ $0.placed(in: rounds) })
            where entry.round == round.id && !marks.counts(entry) {
                total.add(entry, rounds: judging, clock: clock, by: -1)
            }
        }
        total.addParts(of: round.id, to: &parts)
        return parts
    }

    /// One county's status from what counts of its entries per part (`DayTally`) and its records.
    static func status(of county: County, round: Round, parts counted: [Part: DayTally.Cell], records: [FormRecord.Stamp],
                       clock: IngestClock) -> CountyStatus {
        func isLate(_ stamp: String, _ part: Part) -> Bool {
            clock.day(of: stamp, at: clock.instant(stamp)).map { $0 > round.due(part) } ?? false
        }
        var parts: [String: PartStatus] = [:]
        for part in Part.allCases {
            var status = PartStatus(need: round.need(part))
            let items = counted[part] ?? DayTally.Cell()
            if let form = RegistrationForm(part: part) {
                let own = records.filter { $0.form == form }
                status.have = own.count
                status.records = own.count
                status.files = items.items
                status.late = own.filter { isLate($0.enteredAt, part) }.count
            } else {
                status.have = items.passing
                status.late = items.passingLate
                if part == .video {
                    status.failing = items.items - items.passing
                    let seconds = Double(items.passingMicroseconds) / 1_000_000
                    status.minutes = (seconds / 60 * 10).rounded() / 10
                }
            }
            parts[part.rawValue] = status
        }
        let missing = Part.allCases.filter { !(parts[$0.rawValue]?.isMet ?? true) }
        return CountyStatus(county: county.slug, name: county.name, complete: missing.isEmpty, parts: parts, missing: missing)
    }
}
