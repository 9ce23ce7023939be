@testable import MediaArchive
import Testing

/// The parts of RFC 8493 that do not need a bag on disk.
struct BagItTests {
    @Test func manifestPathsEscapeOnlyPercentCarriageReturnAndLineFeed() {
        #expect(BagIt.encodePath("data/100%.mp4") == "data/100%25.mp4")
        #expect(BagIt.encodePath("data/a\rb\nc.mp4") == "data/a%0Db%0Ac.mp4")
        #expect(BagIt.encodePath("data/2021-05-23 科技周 #1.mp4") == "data/2021-05-23 科技周 #1.mp4")
    }

    @Test func bagInfoValuesStayOnOneLine() {
        #expect(BagIt.oneLine("华龙区\n(test)") == "华龙区 (test)")
    }
}
