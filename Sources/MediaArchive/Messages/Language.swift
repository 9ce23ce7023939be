import Foundation

/// The language people read the tool's words in. County staff and clerks read Chinese; English
/// stays the default so scripts and logs written before the translation keep their text.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// The POSIX choice for messages: `LC_ALL`, else `LC_MESSAGES`, else `LANG` (the first one
    /// set and non-empty wins). `zh_CN.UTF-8`, `zh_TW`, `zh` → Chinese; anything else (`C`,
    /// `POSIX`, `en_US.UTF-8`, unset) → English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let setting = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return setting.flatMap(Language.init(code:)) ?? .en
    }

    /// A language tag or locale name as a cookie, query parameter or locale variable gives it:
    /// "zh", "zh-CN", "zh_TW.UTF-8", "en", "en-GB". Nil for languages the tool does not speak.
    public init?(code: String) {
        let primary = code.trimmingCharacters(in: .whitespaces)
            .prefix { $0.isLetter }.lowercased()
        switch primary {
        case "zh": self = .zh
        case "en", "c", "posix": self = .en
        default: return nil
        }
    }

    /// The first language the browser prefers that the tool speaks, by the header's q-values
    /// (`zh-CN,zh;q=0.9,en;q=0.8`); nil when it names none of them (the caller picks a default).
    public init?(httpAcceptLanguage header: String) {
        let ranked = header.split(separator: ",").enumerated().compactMap { index, item -> (Double, Int, Language)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first, let language = Language(code: tag), tag.lowercased() != "c" else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0 ? (quality, index, language) : nil
        }
        // Highest q first; among equals, the order the browser wrote them in.
        guard let best = ranked.min(by: { ($0.0, -$0.1) > ($1.0, -$1.1) }) else { return nil }
        self = best.2
    }

    /// The tag for HTML `lang` attributes and `Content-Language`.
    public var tag: String {
        switch self {
        case .zh: "zh-CN"
        case .en: "en"
        }
    }
}

extension CodingUserInfoKey {
    /// Set a `Language` here on a `JSONEncoder` to have messages (`reasons`, `warnings`, `error`)
    /// written in that language; without it they are written in English.
    public static let messageLanguage = CodingUserInfoKey(rawValue: "MediaArchive.messageLanguage")!
}

extension Encoder {
    /// The language messages are written in for this encoding (English unless the encoder says).
    var messageLanguage: Language { userInfo[.messageLanguage] as? Language ?? .en }
}
