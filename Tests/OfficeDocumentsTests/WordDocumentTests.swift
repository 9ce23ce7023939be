import Foundation
import Testing
import TestSupport
@testable import OfficeDocuments

/// The 附件1 Word file as Nanle sends it: two projects, two tables, merged cells.
struct WordDocumentTests {
    let document: WordDocument

    init() throws { document = try WordDocument(contentsOf: Fixtures.form("key-projects-nanle.docx")) }

    @Test func readsTheTitleParagraphsAndBothTables() {
        let paragraphs = document.blocks.compactMap { if case .paragraph(let text) = $0 { text } else { nil } }
        #expect(paragraphs.contains("2021年科技活动周重点项目备案表"))
        #expect(document.tables.count == 2)
    }

    @Test func aValueMergedAcrossThreeColumnsIsOneCell() {
        let table = document.tables[0]
        #expect(table[0, 0].text == "项 目 名 称")
        #expect(table.cell(rightOf: .init(row: 0, column: 0))?.text == "科普大篷车进乡村")
        #expect(table[0, 3].text == "科普大篷车进乡村")
        #expect(table[0, 3].origin == table[0, 1].origin)
    }

    @Test func verticallyMergedCellsShareTheirTopCell() {
        let table = document.tables[0]
        let last = table.rowCount - 1
        #expect(table[last, 0].text == "项 目 简 介")
        #expect(table[last, 0].origin == table[last - 1, 0].origin)
        // The description's two paragraphs, one per line.
        #expect(table[last, 2].text == "科普大篷车开进千口镇，展出机器人、VR 与航天模型。\n同时开展农业技术咨询和科普讲座。")
    }

    @Test func aWorkbookIsNotTakenForADocument() {
        #expect(throws: OfficeDocumentError.self) { try WordDocument(contentsOf: Fixtures.form("open-institutions-qingfeng.xlsx")) }
    }

    @Test func runsSplitMidLabelReadAsOneText() throws {
        let wps = try WordDocument(contentsOf: Fixtures.form("key-project-taiqian-wps.docx"))
        #expect(wps.tables[0][0, 0].text == "项目名称：科技助农直播间")
    }
}
