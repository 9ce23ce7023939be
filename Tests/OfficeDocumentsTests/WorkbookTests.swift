import Foundation
import Testing
import TestSupport
@testable import OfficeDocuments

/// The 附件2 sheet as Qingfeng sends it: title rows, merged lines, dates and numbers.
struct WorkbookTests {
    let sheet: Workbook.Sheet

    init() throws { sheet = try #require(try Workbook(contentsOf: Fixtures.form("open-institutions-qingfeng.xlsx")).sheets.first) }

    @Test func readsTheSheetWithItsTitleRowsMerged() {
        #expect(sheet.name == "附件2")
        #expect(sheet.grid[1, 0].text == "参与开放活动的科研机构和高校院所备案表")
        #expect(sheet.grid[1, 6].origin == sheet.grid[1, 0].origin)
        #expect(sheet.grid[3, 4].text == "具 体 地 址")
    }

    @Test func datesShowAsDatesAndPhoneNumbersAsDigits() {
        #expect(sheet.grid[4, 2].text == "2021-05-22")
        #expect(sheet.grid[5, 6].text == "13903931234")
        #expect(sheet.grid[6, 2].text == "5月22日—28日")
        #expect(sheet.grid[4, 0].text == "1")
    }

    @Test func plainNumbersShowAsExcelShowsThem() {
        #expect(CellValueReader.plain(800) == "800")
        #expect(CellValueReader.plain(1.5) == "1.5")
        #expect(CellValueReader.plain(0.1 + 0.2) == "0.3")
    }
}
