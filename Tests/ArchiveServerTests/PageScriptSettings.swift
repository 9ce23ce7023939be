import Foundation

/// What a page hands its own script: the `data-page` JSON on the page's last `<script>` tag,
/// read back as the browser would (HTML entities decoded), and that script's URL.
struct PageScriptSettings {
    var json: [String: Any]
    var scriptPath: String?

    /// The script's words (`T`).
    var text: [String: String] { json["text"] as? [String: String] ?? [:] }

    init(html: String) throws {
        let tags = html.components(separatedBy: "<script ").dropFirst()
        guard let tag = tags.last(where: { $0.contains("data-page=") }) else { throw Missing() }
        scriptPath = Self.attribute("src", in: tag)
        let value = Self.attribute("data-page", in: tag) ?? ""
        json = try JSONSerialization.jsonObject(with: Data(Self.decodeEntities(value).utf8)) as? [String: Any] ?? [:]
    }

    struct Missing: Error {}

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The five entities Mustache writes.
    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
