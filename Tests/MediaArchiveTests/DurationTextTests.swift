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

/// Chinese durations read the way the notice writes them ("3分钟") and the page says how far over.
struct ChineseDurationTextTests {
    @Test func limitsAreWrittenInMinutes() {
        #expect(DurationText.limit(180, in: .zh) == "3 分钟")
        #expect(DurationText.limit(150, in: .zh) == "2 分 30 秒")
        #expect(DurationText.limit(180, in: .en) == "3:00")
    }

    @Test func amountsSplitOffMinutes() {
        #expect(DurationText.amount(12, in: .zh) == "12 秒")
        #expect(DurationText.amount(72.5, in: .zh) == "1 分 12.5 秒")
        #expect(DurationText.amount(0.3, in: .zh) == "0.3 秒")
        #expect(DurationText.amount(72.5, in: .en) == "72.5 s")
    }
}
