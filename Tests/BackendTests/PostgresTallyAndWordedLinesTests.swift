import Foundation
import Testing
import TestSupport
import PostgresNIO
@testable import ArchiveBackends
@testable import MediaArchive

/// The two shortcuts the 1,000,000-entry benchmark needed (issue 14 item 8) give what the
/// long way gives: `search --json`'s splice of worded sentences into stored text (`WordedLines`), and
/// `status`'s tallies counted in PostgreSQL.
struct WordedLinesSpliceTests {
    /// An entry as `ingest` stored it in PostgreSQL (schema 3: codes only), one of each message shape.
    static let stored = #"{"bytes":161713,"camera":{"make":"NIKON","model":"COOLPIX P6000"},"capturedAt":"2008-10-22T16:28:39+08:00","capturedAtSource":"exif-local-assumed-zone","county":"qingfeng","day":"2008-10-22","description":null,"displayHeight":480,"displayWidth":640,"durationSeconds":null,"format":"jpeg_pipe","gps":{"latitude":43.46744833333334,"longitude":11.885126666663888},"height":480,"ingestedAt":"2026-12-02T12:18:49+08:00","kind":"photo","messages":{"reasons":[],"warnings":[{"captured":"2008-10-22","code":"capturedOutsideWindow","end":"2021-05-28","start":"2021-05-22"},{"code":"handedInLate","deadline":"2021-06-04","handedIn":"2026-12-02"}]},"object":"qingfeng/objects/17/17307b1207eb6487d7908e9d154890b46e3d2e0192369cfd3f4c33d5a5af4035.jpg","originalNames":["one.jpg","名 \"引号\" \\ /斜.jpg"],"part":"photo","round":"2021","schemaVersion":3,"sha256":"17307b1207eb6487d7908e9d154890b46e3d2e0192369cfd3f4c33d5a5af4035","thumbnail":"qingfeng/thumbs/17/17307b1207eb6487d7908e9d154890b46e3d2e0192369cfd3f4c33d5a5af4035.jpg","title":"{\"reasons\":[]}, \"zh\"","verdict":"pass","width":640}"#

    func shownTheLongWay(_ text: String) throws -> String {
        let entry = try JSONDecoder().decode(CatalogEntry.self, from: Data(text.utf8))
        return String(decoding: try CatalogueRules.json(entry), as: UTF8.self)
    }

    @Test(arguments: [
        WordedLinesSpliceTests.stored,
        WordedLinesSpliceTests.stored.replacingOccurrences(
            of: #""messages":{"reasons":[],"warnings":[{"captured":"2008-10-22","code":"capturedOutsideWindow","end":"2021-05-28","start":"2021-05-22"},{"code":"handedInLate","deadline":"2021-06-04","handedIn":"2026-12-02"}]}"#,
            with: #""messages":{"reasons":[],"warnings":[]}"#),
        WordedLinesSpliceTests.stored.replacingOccurrences(
            of: #"{"reasons":[],"warnings":[{"captured""#,
            with: #"{"reasons":[{"captured":"2008-10-22","code":"capturedOutsideWindow","end":"2021-05-28","start":"2021-05-22"}],"warnings":[{"captured""#),
    ])
    func theSpliceGivesTheBytesTheEncoderGives(text: String) throws {
        var shown = WordedLines()
        let first = shown.shown(Data(text.utf8))
        let once = try #require(first)
        #expect(String(decoding: once, as: UTF8.self) == (try shownTheLongWay(text)))
        // The second time from the words remembered for the same codes.
        let again = shown.shown(Data(text.utf8))
        #expect(again == once)
    }

    @Test func anEntryWithTheSentencesAlreadyOrNoObjectIsLeftToTheDecoder() throws {
        var shown = WordedLines()
        let alreadyWorded = shown.shown(Data(try shownTheLongWay(Self.stored).utf8))
        let notAnObject = shown.shown(Data("[1]".utf8))
        let cutOff = shown.shown(Data(#"{"a":"#.utf8))
        #expect(alreadyWorded == nil && notAnObject == nil && cutOff == nil)
    }
}

@Suite(.serialized, .enabled(if: Services.areRunning, Services.skipMessage))
struct PostgresTallyTests {
    @Test func statusCountedInPostgreSQLIsStatusCountedFromTheEntries() throws {
        let (_, catalogue, _, url) = try Services.fresh()
        let settings = try ArchiveSettings.load(root: try Services.archiveFolder())
        let county = try settings.counties.resolve("qingfeng")
        let round = settings.rounds.current(today: CalendarDay(2021, 5, 25))
        let template = try JSONDecoder().decode(CatalogEntry.self, from: Data(WordedLinesSpliceTests.stored.utf8))
        // On time and late (the deadline is 2021-06-04 in Asia/Shanghai: 16:30 UTC on the 4th is
        // already the 5th there), passing and failing, photos and videos with durations.
        let stamps = ["2021-05-25T10:00:00+08:00", "2021-06-04T23:59:59+08:00", "2021-06-04T16:30:00Z",
                      "2021-06-05T00:00:01+08:00", "2021-06-04T20:00:00-04:00", "2021-06-03T12:00:00.250+08:00"]
        var entries: [CatalogEntry] = []
        for index in 0..<18 {
            var entry = template
            entry.sha256 = SHA256Hash(hex: String(repeating: String(format: "%x", index % 16), count: 63) + String(format: "%x", index / 16))!
            entry.ingestedAt = stamps[index % stamps.count]
            entry.day = CalendarDay(2021, 5, 22 + index % 5)
            entry.round = round.id
            entry.part = index % 3 == 0 ? .video : .photo
            entry.kind = entry.part == .video ? .video : .photo
            entry.durationSeconds = entry.part == .video ? 60.25 + Double(index) : nil
            entry.verdict = index % 4 == 1 ? .fail : .pass
            entries.append(entry)
            #expect(try catalogue.add(entry, county: county, rounds: settings.rounds) == .added(entry))
        }
        let withdrawn = ItemMark(time: "2021-05-26T09:00:00+08:00", mark: .withdrawn, round: round.id, sha256: entries[3].sha256,
                                 part: entries[3].part, by: AuditActor(name: "clerk", role: "clerk"))
        let marks = CountyMarks(marks: [withdrawn])
        let inDatabase = try catalogue.roundTallies(of: county, round: round, rounds: settings.rounds, marks: marks, zone: settings.policy.zone)
        let fromEntries = RoundPartTally.tallies(of: entries.filter(marks.counts), round: round, zone: settings.policy.zone)
        #expect(inDatabase == fromEntries)
        #expect(inDatabase[.video]?.items == 5 && inDatabase[.photo]?.items == 12)
        #expect((inDatabase[.photo]?.passingLate ?? 0) > 0)
        // Another round counts nothing.
        var other = round
        other.id = "1999"
        #expect(try catalogue.roundTallies(of: county, round: other, rounds: settings.rounds, marks: marks, zone: settings.policy.zone).isEmpty)

        // Counted from the kept tallies (migration 8): a name added to an entry, which rewrites
        // its JSON only, changes no count; a catalogue made before them counts the same once upgraded.
        var renamed = entries[0]
        renamed.originalNames = ["another name.jpg"]
        #expect(try catalogue.add(renamed, county: county, rounds: settings.rounds) != .added(renamed))
        #expect(try catalogue.roundTallies(of: county, round: round, rounds: settings.rounds, marks: marks, zone: settings.policy.zone) == fromEntries)
        try catalogue.transaction(["DROP TRIGGER entries_added ON entries", "DROP TRIGGER entries_removed ON entries",
                                   "DROP TRIGGER entries_changed ON entries", "DROP TRIGGER entries_emptied ON entries",
                                   "DROP FUNCTION count_entries()", "DROP FUNCTION forget_tallies()", "DROP TABLE entry_tallies",
                                   "DELETE FROM schema_migrations WHERE version = 8"].map { PostgresQuery(unsafeSQL: $0) })
        let upgraded = try PostgresCatalogue(url: url)
        #expect(try upgraded.roundTallies(of: county, round: round, rounds: settings.rounds, marks: marks, zone: settings.policy.zone) == fromEntries)
        // Emptied (as the tests' reset does), nothing is counted.
        try upgraded.removeAll()
        #expect(try upgraded.roundTallies(of: county, round: round, rounds: settings.rounds, marks: CountyMarks(marks: []), zone: settings.policy.zone).isEmpty)
    }
}
