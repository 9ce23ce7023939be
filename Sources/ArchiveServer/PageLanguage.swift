import Foundation
import Hummingbird
import MediaArchive

/// The language one request is answered in: `?lang=zh|en` when the request says, else the
/// `lang` cookie an earlier `?lang=` left, else the default. Pages default to Chinese (the
/// issue: "the interface is in Chinese by default"); Accept-Language is deliberately not
/// followed, since headless and office browsers often send en-US whatever their reader reads.
/// The JSON APIs default to English so scripts get the text they have always matched.
enum PageLanguage {
    static let parameter = "lang"
    static let cookieName = "lang"

    /// For an HTML page.
    static func of(_ request: Request) -> Language { chosen(request) ?? .zh }

    /// For a JSON answer (`reasons`, `warnings`, `error`).
    static func ofAPI(_ request: Request) -> Language { chosen(request) ?? .en }

    /// What the request itself asks for, if anything.
    static func asked(_ request: Request) -> Language? {
        request.uri.queryParameters.get(parameter).flatMap { Language(code: String($0)) }
    }

    private static func chosen(_ request: Request) -> Language? {
        asked(request) ?? request.cookies[cookieName].flatMap { Language(code: $0.value) }
    }

    /// Remembers the choice for a year. Not HttpOnly: it is no secret. SameSite=Lax, so the
    /// language holds when someone follows a link to the archive from elsewhere.
    static func cookie(_ language: Language) -> Cookie {
        Cookie(name: cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/", httpOnly: false, sameSite: .lax)
    }
}
