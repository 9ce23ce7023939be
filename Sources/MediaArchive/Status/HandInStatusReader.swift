import Foundation

/// Works out `status` from the catalogue and the form records.
public struct HandInStatusReader: Sendable {
    public var settings: ArchiveSettings
    /// Where the entries are: the archive folder's JSON files unless told otherwise.
    public var catalogue: any EntryCatalogue

    public init(settings: ArchiveSettings, catalogue: (any EntryCatalogue)? = nil) {
        self.settings = settings
        self.catalogue = catalogue ?? JSONEntryCatalogue(root: settings.root)
    }

    /// The round's status for `counties` (every county of the registry when empty).
    public func status(round: Round, counties: [County] = []) throws -> HandInStatus {
        let shown = counties.isEmpty ? settings.counties.counties : counties
        let forms = FormStore(settings: settings)
        let markLog = MarkLog(settings: settings)
        let zone = settings.policy.zone
        return HandInStatus(round: round.id, counties: try shown.map { county in
            let tallies = try catalogue.roundTallies(of: county, round: round, rounds: settings.rounds,
                                                     marks: try markLog.marks(county: county), zone: zone)
            let records = try forms.records(round: round.id, county: county)
            return Self.status(of: county, round: round, tallies: tallies, records: records, clock: IngestClock(zone: zone))
        })
    }

    static func status(of county: County, round: Round, tallies: [Part: RoundPartTally], records: [FormRecord],
                       clock: IngestClock) -> CountyStatus {
        func isLate(_ stamp: String, _ part: Part) -> Bool {
            clock.day(of: stamp, at: clock.instant(stamp)).map { $0 > round.due(part) } ?? false
        }
        var parts: [String: PartStatus] = [:]
        for part in Part.allCases {
            var status = PartStatus(need: round.need(part))
            let items = tallies[part] ?? RoundPartTally()
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
                    status.minutes = (items.passingSeconds / 60 * 10).rounded() / 10
                }
            }
            parts[part.rawValue] = status
        }
        let missing = Part.allCases.filter { !(parts[$0.rawValue]?.isMet ?? true) }
        return CountyStatus(county: county.slug, name: county.name, complete: missing.isEmpty, parts: parts, missing: missing)
    }
}
