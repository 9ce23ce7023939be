import Foundation
import Testing

/// An archive written by the code before schema 2 (Tests/Fixtures/archive-v1, made by its
/// script with that code's binary) reads and shows exactly as that binary showed it, in English
/// and in Chinese, as tables and as JSON — the JSON now with each entry's round and part, which
/// entries written before rounds get when read (issue 11), and nothing else changed.
struct ArchiveV1Tests {
    let fixture = OldArchiveFixture("archive-v1", placedWhenRead: true)

    @Test(arguments: OldArchiveFixture.languages)
    func searchShowsTheOldEntriesAsBefore(language: String, tag: String) throws {
        try fixture.expectSearchAsRecorded(language: language, tag: tag)
    }

    @Test(arguments: OldArchiveFixture.languages)
    func showShowsEveryOldEntryAsBefore(language: String, tag: String) throws {
        try fixture.expectEveryShowAsRecorded(language: language, tag: tag, minimum: 5)
    }
}
