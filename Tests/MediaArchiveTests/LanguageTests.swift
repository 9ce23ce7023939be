import Testing
@testable import MediaArchive

/// Which language a person gets: from the locale variables (command line), a cookie or query
/// parameter, or the browser's Accept-Language (web app).
struct LanguageTests {
    @Test(arguments: [
        (["LANG": "zh_CN.UTF-8"], Language.zh),
        (["LANG": "zh_TW"], .zh),
        (["LANG": "zh"], .zh),
        (["LANG": "en_US.UTF-8"], .en),
        (["LANG": "C"], .en),
        (["LANG": "POSIX"], .en),
        (["LANG": "C.UTF-8"], .en),
        (["LANG": "de_DE.UTF-8"], .en),
        ([:], .en),
        (["LANG": ""], .en),
    ])
    func langAloneDecides(environment: [String: String], expected: Language) {
        #expect(Language.fromEnvironment(environment) == expected)
    }

    @Test func lcAllOverridesLcMessagesWhichOverridesLang() {
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "zh_CN.UTF-8", "LANG": "C"]) == .zh)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"]) == .en)
    }

    @Test func anEmptyVariableIsTreatedAsUnset() {
        #expect(Language.fromEnvironment(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "", "LANG": ""]) == .en)
    }

    @Test func aCookieOrQueryValueNamesTheLanguage() {
        #expect(Language(code: "zh") == .zh)
        #expect(Language(code: "zh-CN") == .zh)
        #expect(Language(code: "ZH_tw.UTF-8") == .zh)
        #expect(Language(code: "en") == .en)
        #expect(Language(code: "en-GB") == .en)
        #expect(Language(code: "fr") == nil)
        #expect(Language(code: "") == nil)
    }

    @Test func theBrowsersPreferenceIsFollowedByQuality() {
        #expect(Language(httpAcceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8") == .zh)
        #expect(Language(httpAcceptLanguage: "en-US,en;q=0.9,zh-CN;q=0.8") == .en)
        #expect(Language(httpAcceptLanguage: "en;q=0.5, zh-CN;q=0.9") == .zh)
        #expect(Language(httpAcceptLanguage: "fr-FR,fr;q=0.9,zh;q=0.3") == .zh)
        #expect(Language(httpAcceptLanguage: "zh;q=0, en") == .en)
        #expect(Language(httpAcceptLanguage: "fr-FR,de") == nil)
        #expect(Language(httpAcceptLanguage: "") == nil)
    }
}
