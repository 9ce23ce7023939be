import Foundation

/// One HTML page of the web app. The page's value is what its template shows: the template
/// (Templates/<template>.mustache) reads the value's stored properties under `page`, and the
/// layout reads the requirements below through PageShell. A new page is a struct, a template
/// that names `layout` as its parent, and, when it needs them, its own files in Assets/.
protocol HTMLPage {
    /// The template's file name without `.mustache`.
    static var template: String { get }
    /// Assets/ style sheets the page adds after site.css, in order.
    static var styleSheets: [String] { get }
    /// Assets/ scripts at the end of the body, in order; the last is the page's own, and gets
    /// `scriptSettings`.
    static var scripts: [String] { get }

    /// The document's title.
    var title: String { get }
    /// The nav bar's entry to mark, if the page is one.
    var section: NavBar.Section? { get }
    /// What the page's own script needs from the server (its words, limits).
    var scriptSettings: ScriptSettings? { get }
}

extension HTMLPage {
    static var styleSheets: [String] { [] }
    static var scripts: [String] { [] }
    var section: NavBar.Section? { nil }
    var scriptSettings: ScriptSettings? { nil }
}

/// A page script's settings as JSON, which the layout writes into the script tag's `data-page`
/// attribute; the script reads it with `UploadPage.settings(document.currentScript)`. So one
/// script file serves both languages and every policy.
struct ScriptSettings {
    var json: String

    init(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        json = (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }
}
