import Foundation
import Testing
import TestSupport
@testable import OfficeDocuments

/// The workbook we write opens in independent readers with its Chinese text, bold header and all rows.
struct XLSXWriterTests {
    let tables = [
        SheetTable(name: "附件1 重点项目", header: ["区县", "项目名称", "联系电话"],
                   rows: [["南乐县", "科普大篷车进乡村", "0393-6221234"], ["台前县", "A & B <试验> \"田\"", "013803931234"]]),
        SheetTable(name: "附件2: 开放/活动", header: ["区县", "单位名称"], rows: [["清丰县", "清丰县气象局\n观测站"]]),
    ]

    func written() throws -> (URL, URL) {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("汇总.xlsx")
        try XLSXWriter.write(tables, to: file)
        return (folder, file)
    }

    @Test func readsBackWithOurOwnReader() throws {
        let (folder, file) = try written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = try Workbook(contentsOf: file)
        #expect(book.sheets.map(\.name) == ["附件1 重点项目", "附件2_ 开放_活动"])
        #expect(book.sheets[0].grid.texts[2] == ["台前县", "A & B <试验> \"田\"", "013803931234"])
    }

    /// A clerk exports the round's tables again to the same file: the new workbook replaces the
    /// old one (the replace once deleted the earlier export and then failed), and no scratch
    /// file is left beside it.
    @Test func exportingAgainToTheSameFileReplacesIt() throws {
        let (folder, file) = try written()
        defer { try? FileManager.default.removeItem(at: folder) }
        var again = tables
        again[0].rows.append(["范县", "第二次导出", "0393-5551234"])
        try XLSXWriter.write(again, to: file)
        #expect(try Workbook(contentsOf: file).sheets[0].grid.texts.last == ["范县", "第二次导出", "0393-5551234"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["汇总.xlsx"])
    }

    @Test(.enabled(if: IndependentReaders.openpyxlAvailable, "\(IndependentReaders.openpyxlMissingNote)"))
    func opensInOpenpyxl() throws {
        let (folder, file) = try written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheets = try IndependentReaders.openpyxl(file)
        #expect(sheets.map(\.name) == ["附件1 重点项目", "附件2_ 开放_活动"])
        #expect(sheets[0].rows == [["区县", "项目名称", "联系电话"], ["南乐县", "科普大篷车进乡村", "0393-6221234"],
                                   ["台前县", "A & B <试验> \"田\"", "013803931234"]])
        #expect(sheets[0].headerBold)
        #expect(sheets[1].rows[1] == ["清丰县", "清丰县气象局\n观测站"])
    }

    @Test(.enabled(if: IndependentReaders.sofficeAvailable, "\(IndependentReaders.sofficeMissingNote)"))
    func opensInLibreOffice() throws {
        let (folder, file) = try written()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try IndependentReaders.libreOfficeCSV(file)
        #expect(csv.contains("南乐县,科普大篷车进乡村,0393-6221234"))
        #expect(csv.contains("台前县,\"A & B <试验> \"\"田\"\"\",013803931234"))
    }
}

struct CSVWriterTests {
    @Test func startsWithAByteOrderMarkAndQuotesAsRFC4180Says() {
        let data = CSVWriter.data(header: ["区县", "项目简介"], rows: [["南乐县", "第一行\r\n第二行, 带 \"引号\""], ["清丰县", "plain"]])
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "区县,项目简介\r\n南乐县,\"第一行\r\n第二行, 带 \"\"引号\"\"\"\r\n清丰县,plain\r\n")
    }
}
