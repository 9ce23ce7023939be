import Testing
@testable import ArchiveServer

/// Range headers as RFC 9110 reads them, for a 1000-byte file.
struct ByteRangeTests {
    @Test(arguments: [
        ("bytes=0-0", ByteRange.part(0...0)), ("bytes=0-999", .part(0...999)), ("bytes=500-", .part(500...999)),
        ("bytes=-1", .part(999...999)), ("bytes=-5000", .part(0...999)), ("bytes=990-5000", .part(990...999)),
        ("Bytes=1-2", .part(1...2)), ("bytes=0-99999999999999999999999", .part(0...999)),
        ("bytes=1000-", .unsatisfiable), ("bytes=-0", .unsatisfiable), ("bytes=99999999999999999999999-", .unsatisfiable),
        ("bytes=5-4", .whole), ("bytes=-", .whole), ("bytes=1-2,4-5", .whole), ("pages=1-2", .whole), ("bytes=+1-2", .whole),
        ("bytes= 1 - 2", .whole),
    ])
    func rangesOfAThousandBytes(header: String, expected: ByteRange) {
        #expect(ByteRange(header: header, size: 1000) == expected)
    }

    @Test func noHeaderIsTheWholeFileAndAnEmptyFileHasNoRanges() {
        #expect(ByteRange(header: nil, size: 1000) == .whole)
        #expect(ByteRange(header: "bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-10", size: 0) == .unsatisfiable)
    }
}
