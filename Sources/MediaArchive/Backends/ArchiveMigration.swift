public import Foundation

/// `migrate`: copies an archive's objects, entries and records (form records, marks, audit
/// log, tokens: `ArchiveMigration+Records.swift`) from one pair of backends to another (the
/// archive folder → S3 + PostgreSQL, and back). For each county, entry by entry in ingest
/// order: the object is copied (streamed through a local scratch file, hashed on the way into
/// the target) unless the target already holds it with the right bytes, then re-hashed as read
/// back from the target, then its thumbnail copied, and only then the entry catalogued — so a
/// killed migration never leaves an entry without its object, and a rerun skips what is done
/// (objects already there and right; entries already catalogued are duplicates that add nothing).
public struct ArchiveMigration: Sendable {
    public var settings: ArchiveSettings
    public var source: StorageBackends
    public var target: StorageBackends
    /// The archive folder of a `file:` / `json:` target (the source's own by default).
    public var targetRoot: URL
    /// Where objects wait between the two stores (S3 → S3 needs a local copy).
    public var scratch: URL

    public init(settings: ArchiveSettings, source: StorageBackends, target: StorageBackends, targetRoot: URL? = nil) {
        self.settings = settings
        self.source = source
        self.target = target
        self.targetRoot = (targetRoot ?? settings.root).standardizedFileURL
        self.scratch = FileManager.default.temporaryDirectory
    }

    /// What a migration did, per county and in all (`migrate --json`).
    public struct Summary: Sendable, Codable, Equatable {
        public var entries = 0
        /// Entries the target did not have yet; the rest were there from an earlier run.
        public var entriesAdded = 0
        /// Entries that could not be migrated (each one also in `failures`).
        public var entriesFailed = 0
        public var objectsCopied = 0
        /// Objects the target already held with the right bytes (an earlier, killed run).
        public var objectsAlreadyThere = 0
        /// Objects re-hashed from the target after the copy and found right.
        public var objectsVerified = 0
        public var thumbnailsCopied = 0
        /// Form records, marks, audit events and access tokens the target did not have yet.
        public var formRecordsCopied = 0
        public var marksCopied = 0
        public var auditEventsCopied = 0
        public var tokensCopied = 0
        /// "county: sha256: what went wrong", one per entry (or record) that could not be migrated.
        public var failures: [String] = []

        public init() {}

        /// Every count, once: decoding (a count a version did not print reads as 0) and
        /// `merge` go through this list, so a new count is added here and as a property only.
        /// (Named by its JSON key: the synthesized `CodingKeys` cannot be named here.)
        private static var counts: [(key: String, value: WritableKeyPath<Summary, Int>)] { [
            ("entries", \.entries), ("entriesAdded", \.entriesAdded), ("entriesFailed", \.entriesFailed),
            ("objectsCopied", \.objectsCopied), ("objectsAlreadyThere", \.objectsAlreadyThere),
            ("objectsVerified", \.objectsVerified), ("thumbnailsCopied", \.thumbnailsCopied),
            ("formRecordsCopied", \.formRecordsCopied), ("marksCopied", \.marksCopied),
            ("auditEventsCopied", \.auditEventsCopied), ("tokensCopied", \.tokensCopied),
        ] }

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        // A summary printed by a version without the record counts still reads.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for count in Self.counts {
                self[keyPath: count.value] = try container.decodeIfPresent(Int.self, forKey: Key(stringValue: count.key)) ?? 0
            }
            failures = try container.decodeIfPresent([String].self, forKey: Key(stringValue: "failures")) ?? []
        }

        mutating func merge(_ other: Summary) {
            for count in Self.counts { self[keyPath: count.value] += other[keyPath: count.value] }
            failures += other.failures
        }
    }

    /// The target's settings: the same rules and registry, its own archive folder.
    var targetSettings: ArchiveSettings {
        var settings = settings
        settings.root = targetRoot
        return settings
    }

    public func run(counties: [County] = []) throws -> Summary {
        try copySettingsFolder()
        var summary = Summary()
        // Asked once: against PostgreSQL it is a query over every county's records.
        var rounds: [String] = []
        do { rounds = try formRounds() } catch {
            summary.failures.append("forms: \(error)")
        }
        for county in counties.isEmpty ? settings.counties.counties : counties {
            summary.merge(try migrate(county))
            copyRecords(of: county, rounds: rounds, into: &summary)
        }
        copyArchiveRecords(counties: counties, into: &summary)
        return summary
    }

    /// A `file:`/`json:` target in another folder gets the archive's settings (policy,
    /// counties, rounds, …) that it does not have yet; the county folders are filled by the
    /// migration itself, and the records (forms, audit, tokens) record by record through their
    /// seams (`copyRecords`), so a source whose records are in PostgreSQL gives those — not
    /// the files its folder may still hold — and a copy killed half way is completed.
    private func copySettingsFolder() throws {
        guard targetRoot != settings.root.standardizedFileURL else { return }
        try FileManager.default.createDirectory(at: targetRoot, withIntermediateDirectories: true)
        let countyFolders = Set(settings.counties.counties.map(\.slug)).union(Self.recordFiles)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: settings.root.path)) ?? []
        for name in names.sorted() where !countyFolders.contains(name) && !name.hasPrefix(".") {
            let destination = targetRoot.appendingPathComponent(name)
            guard !FileManager.default.fileExists(atPath: destination.path) else { continue }
            try FileManager.default.copyItem(at: settings.root.appendingPathComponent(name), to: destination)
        }
    }

    /// The archive folder's record files and folders, copied by `copyRecords` instead.
    static let recordFiles: Set<String> = ["forms", "audit", "tokens.json"]

    private func migrate(_ county: County) throws -> Summary {
        let from = source.catalogue(for: settings), to = target.catalogue(for: targetSettings)
        let fromStore = source.objectStore(for: settings), toStore = target.objectStore(for: targetSettings)
        var summary = Summary()
        // In the source's own order (by day, then ingest): a content's first entry is filed
        // first, as at ingest, and entries of one stamp keep their order in the target.
        let entries = try from.entries(of: county, in: nil)
        for entry in entries {
            summary.entries += 1
            do {
                if let object = entry.object {
                    try copyObject(key: object, sha256: entry.sha256, county: county, from: fromStore, to: toStore, summary: &summary)
                }
                if let thumbnail = entry.thumbnail, try toStore.size(key: thumbnail) == nil, try fromStore.size(key: thumbnail) != nil {
                    try toStore.put(try fromStore.read(key: thumbnail, range: nil), key: thumbnail)
                    summary.thumbnailsCopied += 1
                }
                if case .added = try to.add(entry, county: county, rounds: settings.rounds) { summary.entriesAdded += 1 }
            } catch {
                summary.entriesFailed += 1
                summary.failures.append("\(county.slug): \(entry.sha256): \(error)")
            }
        }
        return summary
    }

    /// Copies one object unless the target has it right already; either way it is re-hashed
    /// from the target before its entry may be catalogued there.
    private func copyObject(key: String, sha256: SHA256Hash, county: County, from: any ObjectStore, to: any ObjectStore,
                            summary: inout Summary) throws {
        if try to.size(key: key) != nil {
            // Commits are whole or nothing, so an object there is from an earlier run: right, or
            // damaged since — then it is reported, never overwritten (`verify` on the target says more).
            guard try to.sha256(key: key) == sha256 else { throw MigrationError.targetDiffers(key: key, expected: sha256) }
            summary.objectsAlreadyThere += 1
            summary.objectsVerified += 1
            return
        }
        let local = try from.localFile(key: key, scratch: scratch)
        defer { if local.isCopy { try? FileManager.default.removeItem(at: local.url) } }
        let staged = try to.stage(file: local.url.path, county: county)
        guard staged.sha256 == sha256 else {
            to.discard(staged)
            throw MigrationError.sourceChanged(key: key, expected: sha256, found: staged.sha256)
        }
        try to.commit(staged, to: key)
        summary.objectsCopied += 1
        guard let readBack = try to.sha256(key: key), readBack == sha256 else {
            throw MigrationError.targetDiffers(key: key, expected: sha256)
        }
        summary.objectsVerified += 1
    }
}

/// Why one entry could not be migrated (the others still are).
public enum MigrationError: Error, CustomStringConvertible {
    case sourceChanged(key: String, expected: SHA256Hash, found: SHA256Hash)
    case targetDiffers(key: String, expected: SHA256Hash)
    /// The target has a form record with this id whose fields differ: it is kept as it is.
    case formRecordDiffers(county: String, round: String, id: String)
    /// The target has another token of this name: the source's token is not copied.
    case tokenNameTaken(name: String, id: String)
    /// A line of the source's audit log that cannot be read, so it cannot be copied.
    case auditLineUnreadable(String)

    /// As a line of `Summary.failures`.
    var line: String {
        switch self {
        case .formRecordDiffers(let county, _, _): "\(county): \(description)"
        case .tokenNameTaken: "tokens: \(description)"
        case .auditLineUnreadable: "audit: \(description)"
        default: description
        }
    }

    public var description: String {
        switch self {
        case .sourceChanged(let key, let expected, let found):
            "the source's object \(key) does not have the bytes its entry names (SHA-256 \(found), not \(expected)): run `media-archive verify` on the source"
        case .targetDiffers(let key, let expected):
            "the object \(key) read back from the target does not have the SHA-256 \(expected): check the target store, then run migrate again"
        case .formRecordDiffers(_, let round, let id):
            "form record \(id) of round \(round) is in the target with other fields; the target's is kept: compare `forms --round \(round) --json` on both and correct it by hand"
        case .tokenNameTaken(let name, let id):
            "the target already has another token named \(name); token \(id) was not copied: revoke one of them, or create a new token there"
        case .auditLineUnreadable(let line):
            "\(line) of the source cannot be read and was not copied (it stays in the source)"
        }
    }
}
