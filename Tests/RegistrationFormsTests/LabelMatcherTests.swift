import Testing
@testable import RegistrationForms

struct LabelMatcherTests {
    @Test(arguments: ["项 目 简 介", "项目简介：", "项目简介:", "＊项目简介", " 项目简介 ", "项　目　简　介"])
    func spacedAndMarkedLabelsMatch(_ text: String) {
        #expect(LabelMatcher.field(of: .keyProject, matching: text)?.key == "description")
    }

    @Test func fullAndHalfWidthBracketsFold() {
        #expect(LabelMatcher.field(of: .openInstitution, matching: "单位(盖章)")?.key == "unit")
        #expect(LabelMatcher.field(of: .keyProject, matching: "Ｅ－ｍａｉｌ")?.key == "email")
    }

    @Test func aValueAfterAColonIsTaken() {
        let match = LabelMatcher.labelAndValue(of: .keyProject, in: "项目名称：科普大篷车进乡村")
        #expect(match?.0.key == "projectName")
        #expect(match?.1 == "科普大篷车进乡村")
        #expect(LabelMatcher.labelAndValue(of: .keyProject, in: "时间：上午9:00") == nil)
    }

    @Test func aLongerLabelIsNotTakenForAShorterOne() {
        #expect(LabelMatcher.field(of: .openInstitution, matching: "单位名称")?.key == "institution")
        #expect(LabelMatcher.field(of: .keyProject, matching: "项目名称和编号") == nil)
    }
}
