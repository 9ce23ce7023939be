import Testing
@testable import MediaArchive

/// The words around the messages: tables keep their columns and verdicts stay tellable apart
/// in both languages.
struct WordingTests {
    @Test(arguments: Language.allCases)
    func verdictAndStatusWordsAreDistinct(in language: Language) {
        let words = Wording(language)
        let verdicts: [Verdict] = [.pass, .fail, .error]
        #expect(Set(verdicts.map(words.verdictLabel)).count == 3)
        #expect(Set(verdicts.map(words.verdict)).count == 3)
        let statuses: [IngestReceipt.Status] = [.stored, .duplicate, .rejected]
        #expect(Set(statuses.map(words.status)).count == 3)
        #expect(Set(MediaKind.allCases.map(words.kind)).count == MediaKind.allCases.count)
        #expect(Set(Wording.Field.allCases.map(words.field)).count == Wording.Field.allCases.count)
    }

    @Test func tablesHaveTheSameColumnsInBothLanguages() {
        let (english, chinese) = (Wording(.en), Wording(.zh))
        #expect(english.checkHeader.count == chinese.checkHeader.count)
        #expect(english.ingestHeader.count == chinese.ingestHeader.count)
        #expect(english.searchHeader.count == chinese.searchHeader.count)
        let day = CalendarDay(parsing: "2021-06-04")!
        #expect(english.reportHeader(deadline: day).count == chinese.reportHeader(deadline: day).count)
        #expect(english.countiesHeader.count == chinese.countiesHeader.count)
        #expect(english.thumbnailHeader.count == chinese.thumbnailHeader.count)
    }

    @Test func theCheckSummaryCountsInEitherLanguage() {
        #expect(Wording(.en).checkSummary(files: 5, passed: 3, failed: 2, unreadable: 0) == "5 files: 3 OK, 2 failed, 0 unreadable")
        #expect(Wording(.en).checkSummary(files: 1, passed: 1, failed: 0, unreadable: 0) == "1 file: 1 OK, 0 failed, 0 unreadable")
        #expect(Wording(.zh).checkSummary(files: 5, passed: 3, failed: 2, unreadable: 0) == "共 5 个文件：3 个合格，2 个不合格，0 个无法读取")
    }
}
