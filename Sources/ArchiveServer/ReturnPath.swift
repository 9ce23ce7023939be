import Foundation

/// Where the login page sends a browser back to: the page that asked it to log in, carried as
/// `/login?next=/ingest`. Only a path on this server is accepted — never another site
/// (`//evil.example`, `https://…`, a backslash some browsers read as a slash) — so the login
/// form cannot be used to send someone elsewhere.
enum ReturnPath {
    static let parameter = "next"

    /// `/login`, or `/login?next=…` when there is a page worth coming back to.
    static func loginLocation(returningTo path: String) -> String {
        guard let path = safe(path), path != "/" else { return "/login" }
        return "/login?\(parameter)=" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/")
    }

    /// `text` when it is a local path, else nil.
    static func safe(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.count <= 2048,
              !text.contains("\\"), !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
              !text.hasPrefix("/login") else { return nil }
        return text
    }

    private static let allowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#"))
}
