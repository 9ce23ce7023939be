import MediaArchive

/// The login form (Templates/login.mustache), in the reader's language.
struct LoginPage: HTMLPage {
    static let template = "login"
    static let styleSheets = ["login.css"]

    var title: String
    var heading: String
    /// The prompt, around its link to the self-check (which needs no login).
    var promptBefore, checkLinkLabel, promptAfter: String
    var tokenLabel: String
    var error: String?
    /// The page to go back to after logging in, kept in a hidden field; only a local path
    /// survives ReturnPath.safe.
    var returnTo: String?
    var section: NavBar.Section? { .login }

    init(error: String?, returnTo: String?, language: Language) {
        let text = Text.of(language)
        let login = NavBar.Text.of(language).login
        title = NavBar.title(login, in: language)
        heading = login
        promptBefore = text.promptBefore
        checkLinkLabel = text.checkLink
        promptAfter = text.promptAfter
        tokenLabel = text.token
        self.error = error
        self.returnTo = ReturnPath.safe(returnTo)
    }

    struct Text: Bilingual {
        var promptBefore, checkLink, promptAfter, token, invalidToken: String

        static let zh = Text(
            promptBefore: "请输入档案管理员发给您的访问令牌。只想自查视频？", checkLink: "视频自查", promptAfter: "无需登录。",
            token: "访问令牌", invalidToken: "令牌无效或已被撤销，请检查后重试，或向档案管理员申请新令牌。")
        static let en = Text(
            promptBefore: "Enter the access token the archive's keeper gave you. Only checking a video? The ",
            checkLink: "self-check", promptAfter: " needs no login.",
            token: "Access token",
            invalidToken: "The token is not valid or has been revoked. Check it and try again, or ask the archive's keeper for a new one.")
    }
}
