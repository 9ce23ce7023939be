import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// The SHA-256 an item is named by: checked once where text comes in, written as before.
struct SHA256HashTests {
    @Test("Only 64 lower-case hex digits name content", arguments: [
        "", "abc", String(repeating: "A", count: 64), String(repeating: "0", count: 63) + "g",
        "../" + String(repeating: "0", count: 61), String(repeating: "0", count: 65), String(repeating: "0", count: 62) + "é",
    ])
    func onlyHashesAreTaken(text: String) {
        #expect(SHA256Hash(hex: text) == nil)
        #expect { try SHA256Hash(validating: text) } throws: { $0 is ArchiveError && "\($0)".contains("\"\(text)\"") }
    }

    @Test func aHashIsTaken() throws {
        let text = String(repeating: "0f", count: 32)
        #expect(SHA256Hash(hex: text)?.hex == text)
        #expect(try SHA256Hash(validating: text).bucket == "0f")
    }

    @Test("An ingested entry stores and prints its hash as the same hex text as before")
    func encodesAsTheHexText() throws {
        let archive = try TestArchive()
        let receipt = try HandInTests.ingest("photo.jpg", into: archive.settings)
        let sha256 = try #require(receipt.sha256)
        let expected = try HashingCopy.sha256(of: Fixtures.media("photo.jpg"))
        #expect(sha256 == expected && sha256.hex.count == 64)
        let stored = try #require(try Catalog(settings: archive.settings).search(CatalogQuery()).first)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(stored)) as? [String: Any])
        #expect(json["sha256"] as? String == sha256.hex)
        #expect(try JSONDecoder().decode(SHA256Hash.self, from: Data("\"\(sha256.hex)\"".utf8)) == sha256)
    }

    @Test("A hand-edited entry whose sha256 is not a hash is refused with the shard's name, never used as a path")
    func aStoredBadHashIsNamed() throws {
        let photo = try EntryLookupTests.onePhoto()
        let (settings, sha256, shard) = (photo.archive.settings, photo.sha256, photo.shard)
        let edited = try String(contentsOf: shard, encoding: .utf8).replacingOccurrences(of: sha256.hex, with: "../../etc/passwd")
        try Data(edited.utf8).write(to: shard, options: .atomic)
        var query = CatalogQuery()
        query.counties = [HandInTests.nanle]
        #expect { try Catalog(settings: settings).search(query) } throws: { error in
            "\(error)".contains(shard.lastPathComponent) && "\(error)".contains("is not a SHA-256")
        }
    }
}
