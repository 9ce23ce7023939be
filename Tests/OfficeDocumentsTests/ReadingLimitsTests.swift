import Foundation
import Testing
import TestSupport
@testable import OfficeDocuments

/// Hostile and broken files are refused with a reason that names the file; nothing unpacks past a cap.
struct ReadingLimitsTests {
    func refusal(_ body: () throws -> Void) -> OfficeDocumentError? {
        do { try body(); return nil } catch let error as OfficeDocumentError { return error } catch { return nil }
    }

    @Test func aZipBombIsRefusedWhileInflating() {
        let error = refusal { _ = try Workbook(contentsOf: Fixtures.form("zip-bomb.xlsx")) }
        #expect(error?.reason == .overLimit)
        #expect(error?.description.hasPrefix("zip-bomb.xlsx: ") == true)
        #expect(error?.message.contains("times its packed size (a zip bomb)") == true)
    }

    @Test func aPartOverTheSizeCapIsRefused() {
        let limits = ReadingLimits(maxEntryBytes: 8 << 20, maxCompressionRatio: 100_000)
        let error = refusal { _ = try Workbook(contentsOf: Fixtures.form("zip-bomb.xlsx"), limits: limits) }
        #expect(error?.message.contains("unpacks to more than 8 MB; it is not a usable form") == true)
    }

    @Test func theTotalCapCountsEveryPart() {
        let limits = ReadingLimits(maxTotalBytes: 4 << 10)
        let error = refusal { _ = try WordDocument(contentsOf: Fixtures.form("key-projects-nanle.docx"), limits: limits) }
        #expect(error?.message.contains("this file unpacks to more than") == true)
    }

    @Test func tooManyEntriesAreRefused() {
        let error = refusal { _ = try WordDocument(contentsOf: Fixtures.form("key-projects-nanle.docx"), limits: ReadingLimits(maxEntries: 5)) }
        #expect(error?.message.contains("holds more than 5 parts") == true)
    }

    @Test func deepXMLIsRefused() {
        let error = refusal { _ = try WordDocument(contentsOf: Fixtures.form("key-projects-nanle.docx"), limits: ReadingLimits(maxXMLDepth: 4)) }
        #expect(error?.message.contains("nests XML deeper than 4 levels") == true)
    }

    @Test func tooManyElementsAreRefused() {
        let error = refusal { _ = try WordDocument(contentsOf: Fixtures.form("key-projects-nanle.docx"), limits: ReadingLimits(maxXMLElements: 50)) }
        #expect(error?.message.contains("more than 50 XML elements") == true)
    }

    @Test(arguments: ["entity-bomb.docx", "external-entity.docx"])
    func entityDeclarationsAreRefused(_ name: String) {
        let error = refusal { _ = try WordDocument(contentsOf: Fixtures.form(name)) }
        #expect(error?.reason == .forbiddenXML)
        #expect(error?.message.contains("word/document.xml declares XML entities") == true)
    }

    @Test func textNamedDocxIsNotAnOfficeFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fake = folder.appendingPathComponent("附件1.docx")
        try Data("项目名称：这不是 Word 文件".utf8).write(to: fake)
        let error = refusal { _ = try WordDocument(contentsOf: fake) }
        #expect(error?.reason == .notAnOfficeFile)
        #expect(error?.description.contains("附件1.docx: it is not a zip package") == true)
    }
}
