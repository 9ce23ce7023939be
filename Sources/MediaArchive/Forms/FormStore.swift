import Foundation

/// The registration-form records of the archive: `<archive>/forms/<round>/<county>.json`, one
/// file per county and round (a county hands in a few dozen records a year). Written atomically
/// under the county's catalogue lock, so a record read from a file at ingest and one entered
/// by hand at the same moment are both kept.
public struct FormStore: Sendable {
    public var settings: ArchiveSettings
    /// nil: the archive folder's files; else where the records are kept (PostgreSQL).
    public var storage: (any FormRecordStorage)?

    public init(settings: ArchiveSettings, storage: (any FormRecordStorage)? = nil) {
        self.settings = settings
        self.storage = storage
    }

    func file(round: String, county: County) throws -> URL {
        guard Round.isValidID(round) else { throw ArchiveError.unsafeName(round) }
        return settings.root.appendingPathComponent("forms/\(round)/\(county.slug).json")
    }

    /// The records of one county's round, in the order they were entered.
    public func records(round: String, county: County) throws -> [FormRecord] {
        if let storage { return try storage.formRecords(round: round, county: county) }
        return try CountyCatalog.readJSON([FormRecord].self, at: file(round: round, county: county)) ?? []
    }

    /// What `status` counts of one county's records: each one's form and when it was entered,
    /// without decoding the fields (a tenth of the time at 1,000 records).
    func stamps(round: String, county: County) throws -> [FormRecord.Stamp] {
        if let storage { return try storage.formRecords(round: round, county: county).map(FormRecord.Stamp.init) }
        return try CountyCatalog.readJSON([FormRecord.Stamp].self, at: file(round: round, county: county)) ?? []
    }

    /// The records of `counties` (every county when empty), registry order.
    public func records(round: String, counties: [County] = []) throws -> [FormRecord] {
        try (counties.isEmpty ? settings.counties.counties : counties).flatMap { try records(round: round, county: $0) }
    }

    /// Every round that holds a record (a `forms/<round>` folder), including rounds since
    /// removed from `rounds/`: `migrate` copies those too.
    public func roundsWithRecords() throws -> [String] {
        if let storage { return try storage.roundsWithFormRecords() }
        let folder = settings.root.appendingPathComponent("forms", isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter(Round.isValidID).sorted()
    }

    /// Adds records to their county's round file (each record names both).
    public func add(_ new: [FormRecord]) throws {
        let groups = Dictionary(grouping: new, by: { "\($0.county) \($0.round)" })
        for group in groups.keys.sorted().compactMap({ groups[$0] }) {
            let county = try settings.counties.resolve(group[0].county)
            if let storage {
                guard Round.isValidID(group[0].round) else { throw ArchiveError.unsafeName(group[0].round) }
                try storage.addFormRecords(group, round: group[0].round, county: county)
                continue
            }
            try change(round: group[0].round, county: county) { $0 += group }
        }
    }

    /// Replaces or removes the record `id` (`replacement` nil removes it); false when there is none.
    @discardableResult
    public func update(id: String, round: String, county: County, to replacement: FormRecord?) throws -> Bool {
        if let storage { return try storage.replaceFormRecord(id: id, round: round, county: county, with: replacement) }
        var found = false
        try change(round: round, county: county) { records in
            guard let index = records.firstIndex(where: { $0.id == id }) else { return }
            found = true
            if let replacement { records[index] = replacement } else { records.remove(at: index) }
        }
        return found
    }

    private func change(round: String, county: County, _ edit: (inout [FormRecord]) throws -> Void) throws {
        let folder = try CountyFolder(root: settings.root, county: county)
        let url = try file(round: round, county: county)
        try CountyLock.withLock(folder.lockFile) {
            var records = try CountyCatalog.readJSON([FormRecord].self, at: url) ?? []
            try edit(&records)
            try CountyCatalog.writeJSON(records, to: url)
        }
    }
}
