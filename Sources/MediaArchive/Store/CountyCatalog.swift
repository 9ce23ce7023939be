public import Foundation
import Synchronization

/// One county's JSON catalogue: entries in day shards (16 per day, by the SHA-256's first
/// digit), and a SHA-256 → day locator.
///
/// Reads need no lock (every file is replaced atomically, so a reader sees the old or the new
/// version). Writes take the county's lock, and write the locator before the day shard: a
/// crash in between leaves a locator pointing at a day without the entry, which counts as
/// "not catalogued" and is completed by the next ingest or `verify --repair`.
struct CountyCatalog: Sendable {
    let folder: CountyFolder

    // MARK: Reading

    /// A day's entries, oldest ingest first.
    func entries(on day: CalendarDay) throws -> [CatalogEntry] {
        try shardFiles(on: day).flatMap { try Self.readJSON([CatalogEntry].self, at: $0) ?? [] }
            .sorted { $0.ingestedAt < $1.ingestedAt }
    }

    /// A day's entries as the JSON text stored for each (one entry per line), oldest ingest
    /// first, without decoding them: the lines are found and read as bytes. A shard not in the
    /// written form (hand-edited, pretty-printed) is decoded and each entry given as it would
    /// be written, so `search --json` shows what `search` shows.
    func entryLines(on day: CalendarDay) throws -> [EntryLine] {
        var lines: [EntryLine] = []
        for shard in shardFiles(on: day) {
            let data: Data
            do {
                data = try Data(contentsOf: shard)
            } catch {
                throw ArchiveError.catalogue(path: shard.path, reason: "cannot be read (\(error.localizedDescription))")
            }
            if let found = EntryLine.lines(in: data) {
                lines += found
            } else {
                lines += try (Self.readJSON([CatalogEntry].self, at: shard) ?? []).map { entry in
                    EntryLine(json: try Self.line(of: entry), ingestedAt: entry.ingestedAt)
                }
            }
        }
        return lines.sorted { $0.ingestedAt < $1.ingestedAt }
    }

    /// What `report` needs of a day's entries, decoding only the fields it reads.
    func reportTally(on day: CalendarDay, clock: IngestClock, deadline: CalendarDay) throws -> ReportTally {
        var tally = ReportTally()
        for shard in shardFiles(on: day) {
            for entry in try Self.readJSON([ReportTally.Fields].self, at: shard) ?? [] {
                tally.add(entry, clock: clock, deadline: deadline)
            }
        }
        return tally
    }

    private func shardFiles(on day: CalendarDay) -> [URL] {
        let folder = folder.dayFolder(day)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// Days that have entries, oldest first; limited to `range` when given.
    func days(in range: DayRange? = nil) throws -> [CalendarDay] {
        if let range, let span = range.dayCount, span <= 3660 {
            // A bounded range looks only at the folders that can exist; no listing of years.
            return range.allDays.filter { FileManager.default.fileExists(atPath: folder.dayFolder($0).path) }
        }
        return DayFolderScan.days(under: folder.days).map(\.day).filter { range?.contains($0) ?? true }
    }

    func allEntries(in range: DayRange? = nil) throws -> [CatalogEntry] {
        try days(in: range).flatMap { try entries(on: $0) }
    }

    /// The first entry for this content, if catalogued.
    func entry(sha256: SHA256Hash) throws -> CatalogEntry? {
        try entries(sha256: sha256).first
    }

    /// Every entry for this content, first ingest first: one per part and round it was handed
    /// in for (they share its day and its object).
    func entries(sha256: SHA256Hash) throws -> [CatalogEntry] {
        // Kept while neither the locator shard nor the day's folder changed (`FolderStamp`, as
        // the day tallies are): a warm server's `/api/status` looks up every marked item on each
        // request, and so asks two `stat`s of each instead of reading ~32 KB of locator.
        let locator = folder.hashShard(sha256: sha256)
        let key = locator.path + "#" + sha256.hex
        let locatorStamp = FolderStamp.of(locator.path).flatMap { $0.isSettled() ? $0 : nil }
        if let locatorStamp, let kept = LookedUpEntries.shared.entries(key, locatorStamp: locatorStamp, dayFolder: folder.dayFolder) {
            return kept
        }
        guard let day = try locate(sha256) else { return [] }
        let dayStamp = FolderStamp.of(folder.dayFolder(day).path).flatMap { $0.isSettled() ? $0 : nil }
        let found = try decodeEntries(sha256: sha256, in: folder.dayShard(day, sha256: sha256))
        if let locatorStamp, let dayStamp {
            LookedUpEntries.shared.keep(found, key, day: day, locatorStamp: locatorStamp, dayStamp: dayStamp)
        }
        return found
    }

    private func decodeEntries(sha256: SHA256Hash, in shard: URL) throws -> [CatalogEntry] {
        // Only this content's lines are decoded: a busy day's shard holds some 60 entries, and
        // status decodes every marked item's. A shard where no line names it is decoded whole:
        // one not written an entry per line (hand-edited, pretty-printed), or a crash between
        // the locator and the shard (then it finds nothing either).
        guard let data = try? Data(contentsOf: shard) else {
            return try (Self.readJSON([CatalogEntry].self, at: shard) ?? []).filter { $0.sha256 == sha256 }
        }
        let lines = (EntryLine.lines(in: data) ?? []).filter { $0.has("sha256", equalTo: sha256.hex) }
        guard !lines.isEmpty else {
            return try Self.decodeJSON([CatalogEntry].self, from: data, readFrom: shard).filter { $0.sha256 == sha256 }
        }
        return try lines.map { try Self.decodeJSON(CatalogEntry.self, from: $0.json, readFrom: shard) }.filter { $0.sha256 == sha256 }
    }

    private func locate(_ sha256: SHA256Hash) throws -> CalendarDay? {
        let url = folder.hashShard(sha256: sha256)
        // The key found as written (`"<sha256>":"YYYY-MM-DD"`) spares decoding the whole locator
        // shard (status looks up every marked item); anything else is decoded as JSON.
        if let data = try? Data(contentsOf: url), let day = Self.writtenDay(of: sha256, in: data) { return day }
        let locator = try Self.readJSON([String: CalendarDay].self, at: url) ?? [:]
        return locator[sha256.hex]
    }

    private static func writtenDay(of sha256: SHA256Hash, in data: Data) -> CalendarDay? {
        let key = Data(("\"" + sha256.hex + "\":\"").utf8)
        guard let found = data.range(of: key), data.count >= found.upperBound + 11,
              data[found.upperBound + 10] == UInt8(ascii: "\"") else { return nil }
        return CalendarDay(parsing: String(decoding: data[found.upperBound..<found.upperBound + 10], as: UTF8.self))
    }

    // MARK: Writing (under the county lock)

    enum Addition {
        case added(CatalogEntry)
        /// The content was already catalogued; `entry` now also lists the new original name.
        case duplicate(CatalogEntry)
    }

    /// Adds an entry, or, when the same content is already catalogued for the same part of the
    /// same round, records the new original name on the existing entry instead. The same
    /// content for another part or round is a second entry, filed on the first one's day.
    func add(_ entry: CatalogEntry, rounds: RoundRegistry) throws -> Addition {
        try CountyLock.withLock(folder.lockFile) {
            if let day = try locate(entry.sha256) {
                let shardURL = folder.dayShard(day, sha256: entry.sha256)
                var shard = try Self.readJSON([CatalogEntry].self, at: shardURL) ?? []
                if shard.contains(where: { $0.sha256 == entry.sha256 }),
                   !shard.contains(where: { $0.placed(in: rounds).isSameHandIn(as: entry) }) {
                    var another = entry
                    another.day = day
                    shard.append(another)
                    try Self.writeShard(shard, to: shardURL)
                    return .added(another)
                }
                if let index = shard.firstIndex(where: { $0.placed(in: rounds).isSameHandIn(as: entry) }) {
                    let newNames = entry.originalNames.filter { !shard[index].originalNames.contains($0) }
                    if !newNames.isEmpty {
                        shard[index].originalNames += newNames
                        try Self.writeShard(shard, to: shardURL)
                    }
                    return .duplicate(shard[index])
                }
            }
            var locator = try Self.readJSON([String: CalendarDay].self, at: folder.hashShard(sha256: entry.sha256)) ?? [:]
            locator[entry.sha256.hex] = entry.day
            try Self.writeJSON(locator, to: folder.hashShard(sha256: entry.sha256))
            try Self.append(entry, toShardAt: folder.dayShard(entry.day, sha256: entry.sha256))
            return .added(entry)
        }
    }

    /// A new content's entry added to its day shard. The entries there are kept as the bytes
    /// they were written as, not decoded and encoded again: on a busy day (some 60 entries a
    /// shard) that was half of every add. A shard not in `writeShard`'s form is decoded and
    /// written again whole, as before.
    private static func append(_ entry: CatalogEntry, toShardAt url: URL) throws {
        if let data = try? Data(contentsOf: url), let lines = writtenLines(of: data) {
            try writeShard(lines: lines + [try line(of: entry)], to: url)
        } else {
            try writeShard((try readJSON([CatalogEntry].self, at: url) ?? []) + [entry], to: url)
        }
    }

    /// The entry lines of a shard exactly as `writeShard` writes one (`[`, one entry per line
    /// with a comma after all but the last, `]`), without their commas; nil for anything else.
    static func writtenLines(of data: Data) -> [Data]? {
        // Line ends found with memchr over the bytes where they lie: a generic split of `Data`
        // checks exclusive access at every byte, which cost `search --json` half its time.
        let ranges: [Range<Int>]? = data.withUnsafeBytes { bytes in
            guard bytes.count >= 4, bytes[0] == UInt8(ascii: "["), bytes[1] == 0x0A,
                  bytes[bytes.count - 2] == UInt8(ascii: "]"), bytes[bytes.count - 1] == 0x0A else { return nil }
            var found: [Range<Int>] = []
            var start = 2
            let end = bytes.count - 2
            while start < end {
                guard let newline = ByteSearch.first(0x0A, in: bytes, from: start), newline < end else { return nil }
                let comma = newline + 1 != end
                var last = newline
                if comma {
                    guard bytes[last - 1] == UInt8(ascii: ",") else { return nil }
                    last -= 1
                }
                guard last > start, bytes[start] == UInt8(ascii: "{"), bytes[last - 1] == UInt8(ascii: "}") else { return nil }
                found.append(start..<last)
                start = newline + 1
            }
            return found
        }
        return ranges?.map { data[(data.startIndex + $0.lowerBound)..<(data.startIndex + $0.upperBound)] }
    }

    static func line(of entry: CatalogEntry) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.catalogueRecord] = true
        return try encoder.encode(entry)
    }

    /// A JSON array with one entry per line, so that search can pass entries through without
    /// decoding them and people can read and grep the files.
    private static func writeShard(_ shard: [CatalogEntry], to url: URL) throws {
        try writeShard(lines: shard.map(line(of:)), to: url)
    }

    private static func writeShard(lines: [Data], to url: URL) throws {
        var data = Data("[\n".utf8)
        for (index, line) in lines.enumerated() {
            data.append(line)
            data.append(contentsOf: Array((index == lines.count - 1 ? "\n" : ",\n").utf8))
        }
        data.append(contentsOf: Array("]\n".utf8))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: url)
    }

    // MARK: JSON files

    static func readJSON<Value: Decodable>(_ type: Value.Type, at url: URL) throws -> Value? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile {
            return nil
        } catch {
            throw ArchiveError.catalogue(path: url.path, reason: "cannot be read (\(error.localizedDescription))")
        }
        return try decodeJSON(type, from: data, readFrom: url)
    }

    /// Decodes a catalogue file's bytes, already read from `url`; an error names the file.
    static func decodeJSON<Value: Decodable>(_ type: Value.Type, from data: Data, readFrom url: URL) throws -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: data)
        } catch {
            throw ArchiveError.catalogue(path: url.path, reason: "is not a valid catalogue file (\(ConfigurationErrorText.describe(error)))")
        }
    }

    static func writeJSON<Value: Encodable>(_ value: Value, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(try encoder.encode(value), to: url)
    }
}

extension DayRange {
    /// Number of days in the range, or nil when it is empty.
    var dayCount: Int? {
        guard start <= end else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let from = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day))!
        let to = calendar.date(from: DateComponents(year: end.year, month: end.month, day: end.day))!
        return (calendar.dateComponents([.day], from: from, to: to).day ?? 0) + 1
    }

    var allDays: [CalendarDay] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let count = dayCount,
              let first = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day)) else { return [] }
        return (0..<count).map { offset in
            let parts = calendar.dateComponents([.year, .month, .day], from: calendar.date(byAdding: .day, value: offset, to: first)!)
            return CalendarDay(parts.year!, parts.month!, parts.day!)
        }
    }
}

/// One catalogue entry as stored: its JSON text (compact, keys sorted) and its ingest time.
public struct EntryLine: Sendable {
    /// The entry's JSON, a slice of the shard file's bytes.
    public var json: Data
    public var ingestedAt: String

    public init(json: Data, ingestedAt: String) {
        self.json = json
        self.ingestedAt = ingestedAt
    }

    /// The entry lines of a shard as `writeShard` writes it (`CountyCatalog.writtenLines`); nil
    /// for a shard in any other form, or when a line lacks its ingest time.
    static func lines(in data: Data) -> [EntryLine]? {
        guard let written = CountyCatalog.writtenLines(of: data) else { return nil }
        var lines: [EntryLine] = []
        lines.reserveCapacity(written.count)
        for json in written {
            guard let stamp = json.withUnsafeBytes({ stringValue(of: ingestedAtKey, in: $0) }) else { return nil }
            lines.append(EntryLine(json: json, ingestedAt: stamp))
        }
        return lines
    }

    /// Whether this entry's top-level string `key` equals `value`.
    func has(_ key: String, equalTo value: String) -> Bool {
        let pattern = Array("\"\(key)\":\"".utf8)
        return json.withUnsafeBytes { EntryLine.stringValue(of: pattern, in: $0) } == value
    }

    /// Whether the entry stores its round (schema 2 and later); older ones are placed when read.
    /// (The bytes are scanned where they lie: `search --json` asks this of every line.)
    var isPlaced: Bool { json.withUnsafeBytes { EntryLine.stringValue(of: EntryLine.roundKey, in: $0) } != nil }

    /// Whether the entry stores message codes (schema 3), which are worded when it is shown.
    var storesMessageCodes: Bool { EntryLine.contains(EntryLine.messagesKey, in: json) }

    private static let messagesKey = Array("\"messages\":{".utf8)
    private static func contains(_ pattern: [UInt8], in json: Data) -> Bool {
        // Written sorted and compact, with every quote in a value escaped: the key's own text.
        json.withUnsafeBytes { ByteSearch.first(pattern, in: $0) != nil }
    }

    private static let ingestedAtKey = Array("\"ingestedAt\":\"".utf8)
    private static let roundKey = Array("\"round\":\"".utf8)

    /// The text of a top-level string key. Keys are written sorted and compact (`"key":"value"`),
    /// and a quote inside a string is always escaped, so the pattern cannot match inside a value.
    private static func stringValue(of pattern: [UInt8], in line: UnsafeRawBufferPointer) -> String? {
        guard let hit = ByteSearch.first(pattern, in: line),
              case let valueStart = hit + pattern.count,
              let close = ByteSearch.first(UInt8(ascii: "\""), in: line, from: valueStart) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: line[valueStart..<close]), as: UTF8.self)
    }
}

/// The entries of contents looked up by SHA-256 (`CountyCatalog.entries(sha256:)`), each with
/// the day the locator gave and the stamps of the locator shard and of that day's folder when
/// decoded, for the life of the process. At most `limit` are kept; past that, all are
/// forgotten at once (they are worked out again on demand).
final class LookedUpEntries: Sendable {
    static let shared = LookedUpEntries()
    static let limit = 4096

    private struct Kept {
        var day: CalendarDay
        var locatorStamp: FolderStamp
        var dayStamp: FolderStamp
        var entries: [CatalogEntry]
    }

    private let kept = Mutex<[String: Kept]>([:])

    /// The kept entries, if the locator shard is as it was and so is the day folder it named.
    func entries(_ key: String, locatorStamp: FolderStamp, dayFolder: (CalendarDay) -> URL) -> [CatalogEntry]? {
        guard let found = kept.withLock({ $0[key] }), found.locatorStamp == locatorStamp,
              FolderStamp.of(dayFolder(found.day).path) == found.dayStamp else { return nil }
        return found.entries
    }

    func keep(_ entries: [CatalogEntry], _ key: String, day: CalendarDay, locatorStamp: FolderStamp, dayStamp: FolderStamp) {
        kept.withLock { kept in
            if kept.count >= Self.limit { kept.removeAll() }
            kept[key] = Kept(day: day, locatorStamp: locatorStamp, dayStamp: dayStamp, entries: entries)
        }
    }
}
