import Foundation
import Testing
import TestSupport
@testable import RegistrationForms

/// The forms as counties send them come out as the records a clerk would otherwise retype.
struct FormFileReaderTests {
    let reader = FormFileReader(converter: nil)

    @Test func twoProjectsInOneWordFileAreTwoRecords() throws {
        let records = reader.read(Fixtures.form("key-projects-nanle.docx")).records
        try #require(records.count == 2)
        #expect(records.allSatisfy { $0.form == .keyProject })
        #expect(records[0]["projectName"] == "科普大篷车进乡村")
        #expect(records[0]["address"] == "南乐县人民路66号")        // label printed "地 址"
        #expect(records[0]["fax"] == "0393-6221235")               // "传 真"
        #expect(records[0]["description"] == "科普大篷车开进千口镇，展出机器人、VR 与航天模型。\n同时开展农业技术咨询和科普讲座。")
        #expect(records[0].warnings.isEmpty)
        #expect(records[0].source == RecordSource(file: "key-projects-nanle.docx", table: 1))
        // The second table types its name as "项目名称：…" and has no 传真 row.
        #expect(records[1]["projectName"] == "青少年科技创新成果展")
        #expect(records[1]["expectedParticipants"] == "1200")
        #expect(records[1].source.table == 2)
        #expect(records[1].warnings == ["label not found: 传真; those fields are left empty"])
    }

    @Test func fieldsComeInTheFormsOrder() throws {
        let record = try #require(reader.read(Fixtures.form("key-projects-nanle.docx")).records.first)
        #expect(record.fields.map(\.key) == ["projectName", "organizer", "supervisor", "venue", "time", "leader", "contact",
                                             "address", "postcode", "phone", "fax", "email", "budget",
                                             "expectedParticipants", "description"])
    }

    @Test func theWPSStyleWithColonsAndWideSpacesReads() throws {
        let records = reader.read(Fixtures.form("key-project-taiqian-wps.docx")).records
        try #require(records.count == 1)
        #expect(records[0]["projectName"] == "科技助农直播间")
        #expect(records[0]["organizer"] == "台前县农业农村局")
        #expect(records[0]["contact"] == "李娜")          // "联 系 人："
        #expect(records[0]["address"] == "南乐县人民路66号")  // "地　　址："
        #expect(records[0]["postcode"] == "457400")      // half-width colon
        #expect(records[0].warnings.isEmpty)
    }

    @Test func anExcelSheetWithTitleRowsReadsEveryRowBelowItsHeader() throws {
        let records = reader.read(Fixtures.form("open-institutions-qingfeng.xlsx"), expecting: .openInstitution).records
        #expect(records.map { $0["institution"] } == ["清丰县农业科学研究所", "濮阳职业技术学院清丰校区", "清丰县气象局"])
        #expect(records.allSatisfy { $0["unit"] == "清丰县科学技术协会" })   // from the 单位（盖章） line
        #expect(records[0]["openingTime"] == "2021-05-22")
        #expect(records[1]["phone"] == "13903931234")
        #expect(records[0]["address"] == "清丰县城关镇农科路8号")        // header "具 体 地 址"
        #expect(records.map(\.source.row) == [5, 6, 7])
        #expect(records[0].source.sheet == "附件2")
        #expect(records[0].warnings.isEmpty)
    }

    @Test func aPDFIsNotReadAndSaysSo() {
        let outcome = reader.read(Fixtures.form("scanned-form.pdf"))
        #expect(outcome == .notRead(reason: "scanned-form.pdf is a PDF; its table cannot be read reliably"))
        #expect(outcome.message.hasPrefix("not read — enter the records by hand: "))
    }

    @Test(arguments: ["zip-bomb.xlsx", "entity-bomb.docx", "external-entity.docx"])
    func hostileFilesAreNotReadWithTheReason(_ name: String) {
        guard case .notRead(let reason) = reader.read(Fixtures.form(name)) else { Issue.record("\(name) was read"); return }
        #expect(reason.hasPrefix("\(name): "))
        #expect(reason.contains("zip bomb") || reason.contains("declares XML entities"))
    }

    @Test func oldFormatsWithoutLibreOfficeAreNotReadAndSayWhy() {
        let outcome = reader.read(Fixtures.form("key-projects-nanle.doc"))
        guard case .notRead(let reason) = outcome else { Issue.record("read without LibreOffice"); return }
        #expect(reason.contains("LibreOffice is not installed"))
    }

    @Test func aWordFileWithoutTheFormsLabelsIsNotRead() throws {
        let outcome = reader.read(Fixtures.form("key-projects-nanle.docx"), expecting: .openInstitution)
        #expect(outcome == .notRead(reason: "key-projects-nanle.docx has none of the labels of the 附件2 开放活动备案表 form"))
    }
}

/// .doc and .xls go through LibreOffice and read as their DOCX/XLSX originals do. Serialized:
/// the clean-up check counts conversion folders, which a parallel conversion would add.
@Suite(.serialized, .enabled(if: LibreOfficeConverter.installed() != nil, "LibreOffice is not installed (scripts/install-deps.sh); conversion tests skipped"))
struct ConversionTests {
    let reader = FormFileReader()

    /// LibreOffice 7.4's round trip (docx → doc → docx) keeps the first table but flattens the
    /// second (the one whose first row is a single merged "项目名称：…" cell) into a paragraph,
    /// so the .doc fixture holds one project as a table; that one must read as the DOCX does.
    @Test func aDocReadsLikeItsDocx() throws {
        let records = reader.read(Fixtures.form("key-projects-nanle.doc")).records
        let original = FormFileReader(converter: nil).read(Fixtures.form("key-projects-nanle.docx")).records
        try #require(!records.isEmpty)
        #expect(records[0].values == original[0].values)
        #expect(records[0]["projectName"] == "科普大篷车进乡村")
        #expect(records[0]["fax"] == "0393-6221235")
        #expect(records[0].source.file == "key-projects-nanle.doc")
    }

    @Test func anXlsReadsLikeItsXlsx() throws {
        let records = reader.read(Fixtures.form("open-institutions-qingfeng.xls")).records
        #expect(records.map { $0["institution"] } == ["清丰县农业科学研究所", "濮阳职业技术学院清丰校区", "清丰县气象局"])
        #expect(records.first?["unit"] == "清丰县科学技术协会")
        #expect(records.first?["openingTime"] == "2021-05-22")
    }

    @Test func aBrokenDocIsNotReadAndNothingIsLeftBehind() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("附件1.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: broken)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("media-archive-soffice-") })
        guard case .notRead(let reason) = reader.read(broken) else { Issue.record("a broken .doc was read"); return }
        #expect(reason.hasPrefix("附件1.doc"))
        let after = Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("media-archive-soffice-") })
        #expect(after.subtracting(before).isEmpty)
    }
}
