import Testing
@testable import MediaArchive

struct DurationTextTests {
    @Test func clockShowsMinutesSecondsAndHundredths() {
        #expect(DurationText.clock(192.08) == "3:12.08")
        #expect(DurationText.clock(167) == "2:47.00")
        #expect(DurationText.clock(0.5) == "0:00.50")
        #expect(DurationText.clock(179.999) == "3:00.00")
        #expect(DurationText.clock(143165.64) == "39:46:05.64")
    }

    @Test func limitsAreWrittenAsTheNoticeDoes() {
        #expect(DurationText.limit(180) == "3:00")
        #expect(DurationText.limit(90) == "1:30")
    }

    @Test func overshootIsInPlainSeconds() {
        #expect(DurationText.seconds(12.08) == "12.08 s")
        #expect(DurationText.seconds(12) == "12 s")
        #expect(DurationText.seconds(0.3) == "0.3 s")
    }

    @Test func badgesShowWholeSecondsAsAPlayerDoes() {
        #expect(DurationText.badge(179.9) == "3:00")
        #expect(DurationText.badge(167.4) == "2:47")
        #expect(DurationText.badge(2) == "0:02")
        #expect(DurationText.badge(3723) == "1:02:03")
    }
}
