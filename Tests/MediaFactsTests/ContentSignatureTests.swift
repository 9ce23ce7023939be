import Foundation
import Testing
@testable import MediaFacts

struct ContentSignatureTests {
    @Test func recognisesDocumentsAndHEIFByTheirFirstBytes() {
        #expect(ContentSignature.classify(Data("%PDF-1.4\n".utf8)) == .pdf)
        #expect(ContentSignature.classify(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])) == .compoundDocument)
        #expect(ContentSignature.classify(Data([0x50, 0x4B, 0x03, 0x04]) + Data("....[Content_Types].xml".utf8)) == .officeOpenXML)
        #expect(ContentSignature.classify(Data([0x50, 0x4B, 0x03, 0x04, 1, 2])) == .zipArchive)
        #expect(ContentSignature.classify(Data([0, 0, 0, 24]) + Data("ftypheic".utf8)) == .heif)
        #expect(ContentSignature.classify(Data([0, 0, 0, 24]) + Data("ftypisom".utf8)) == .isoMedia)
    }

    /// openpyxl writes [Content_Types].xml last, beyond the prefix read: the workbook's parts tell it.
    @Test func aWorkbookWrittenByOpenpyxlIsOfficeOpenXML() throws {
        let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/forms/open-institutions-qingfeng.xlsx").standardizedFileURL
        #expect(ContentSignature.read(path: workbook.path) == .officeOpenXML)
    }

    @Test func textIsTextAndNoiseIsNot() {
        #expect(ContentSignature.classify(Data("科技周总结\n第一段".utf8)) == .plainText)
        #expect(ContentSignature.classify(Data([0x00, 0xFF, 0x13, 0x80])) == .other)
        #expect(ContentSignature.classify(Data()) == .empty)
    }
}
