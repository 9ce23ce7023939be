import Foundation
import Testing
import TestSupport
@testable import RegistrationForms

/// The bureau's consolidated tables, read back as the bureau would open them.
struct FormsExportTests {
    func records() -> [CountyFormRecord] {
        let reader = FormFileReader(converter: nil)
        return reader.read(Fixtures.form("key-projects-nanle.docx")).records.map { CountyFormRecord(county: "南乐县", record: $0) }
            + reader.read(Fixtures.form("open-institutions-qingfeng.xlsx")).records.map { CountyFormRecord(county: "清丰县", record: $0) }
    }

    @Test(.enabled(if: IndependentReaders.openpyxlAvailable, "\(IndependentReaders.openpyxlMissingNote)"))
    func theWorkbookHasOneSheetPerFormUnderChineseLabels() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("2021年科技活动周备案汇总.xlsx")
        try FormsExport.writeXLSX(records(), to: file)
        let sheets = try IndependentReaders.openpyxl(file)
        #expect(sheets.map(\.name) == ["附件1 重点项目备案表", "附件2 开放活动备案表"])
        #expect(sheets[0].rows[0] == ["区县", "项目名称", "主办单位", "主管部门", "举办地点", "举办时间", "项目负责人", "联系人", "地址",
                                      "邮政编码", "联系电话", "传真", "电子邮箱", "活动经费", "拟参加人数", "项目简介"])
        #expect(sheets[0].headerBold)
        #expect(sheets[0].rows.dropFirst().map { [$0[0], $0[1]] } == [["南乐县", "科普大篷车进乡村"], ["南乐县", "青少年科技创新成果展"]])
        #expect(sheets[1].rows[0] == ["区县", "单位（盖章）", "单位名称", "开放时间", "开放内容", "具体地址", "联系人", "联系方式"])
        #expect(sheets[1].rows[1] == ["清丰县", "清丰县科学技术协会", "清丰县农业科学研究所", "2021-05-22", "小麦新品种试验田参观",
                                      "清丰县城关镇农科路8号", "周强", "0393-7221234"])
    }

    @Test func theCSVsAreOnePerFormWithAByteOrderMark() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try FormsExport.writeCSV(records(), to: folder.appendingPathComponent("汇总.csv"))
        #expect(files.map(\.lastPathComponent) == ["汇总-key-projects.csv", "汇总-open-institutions.csv"])
        let keyProjects = try Data(contentsOf: files[0])
        #expect(keyProjects.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: keyProjects.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("区县,项目名称,主办单位,"))
        #expect(text.contains("南乐县,科普大篷车进乡村,南乐县科学技术协会,"))
        #expect(text.contains("\"科普大篷车开进千口镇，展出机器人、VR 与航天模型。\n同时开展农业技术咨询和科普讲座。\""))
        let institutions = String(decoding: try Data(contentsOf: files[1]).dropFirst(3), as: UTF8.self)
        #expect(institutions.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
    }
}
