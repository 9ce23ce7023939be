import Foundation
import Hummingbird

/// A link to a page with one query parameter set and every other kept as it was sent: the
/// search page's "more" link (`offset=`) and the language switch (`lang=`).
enum QueryLink {
    static func to(_ path: String, keeping parameters: Parameters, setting name: String, to value: String) -> String {
        let kept = parameters.filter { $0.key != name }.map { "\(encode($0.key))=\(encode($0.value))" }
        return path + "?" + (kept + ["\(encode(name))=\(encode(value))"]).joined(separator: "&")
    }

    private static func encode<Text: StringProtocol>(_ text: Text) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
