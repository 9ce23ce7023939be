import MediaArchive

/// A page that only says what went wrong and where to go next (an unknown or malformed item
/// link), so a browser never shows bare JSON.
struct MessagePage: HTMLPage {
    static let template = "message"
    static let styleSheets = ["message.css"]

    var title: String
    var heading: String
    var message: String
    var galleryLabel: String
    var searchLabel: String

    init(title: String, message: String, language: Language) {
        let site = NavBar.Text.of(language)
        self.title = NavBar.title(title, in: language)
        heading = title
        self.message = message
        galleryLabel = site.gallery
        searchLabel = site.search
    }
}
