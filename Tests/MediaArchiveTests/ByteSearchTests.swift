import Testing
@testable import MediaArchive

/// The key finder `search --json` uses on every stored line: the same answers as a plain scan.
struct ByteSearchTests {
    @Test("A key is found wherever it is, and nowhere it is not", arguments: [
        (#"{"round":"2021"}"#, #""round":""#, 1),
        (#"{"a":"x:y","round":"2021"}"#, #""round":""#, 11),
        (#":"round":""#, #""round":""#, 1),
        (#"{"rounds":"2021"}"#, #""round":""#, nil),
        (#"{"round":"#, #""round":""#, nil),
        ("", #""round":""#, nil),
        (#"{"messages":{"a":1}}"#, #""messages":{"#, 1),
    ] as [(String, String, Int?)])
    func findsAsAScanDoes(line: String, key: String, expected: Int?) {
        let found = Array(line.utf8).withUnsafeBytes { ByteSearch.first(Array(key.utf8), in: $0) }
        #expect(found == expected)
        let bytes = Array(line.utf8), pattern = Array(key.utf8)
        let scanned = bytes.count < pattern.count ? nil : (0...(bytes.count - pattern.count)).first { Array(bytes[$0..<$0 + pattern.count]) == pattern }
        #expect(found == scanned)
    }
}
