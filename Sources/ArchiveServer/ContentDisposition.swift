import Foundation

/// `Content-Disposition` with a file's name (RFC 6266): a plain-ASCII `filename` for old
/// clients and `filename*=UTF-8''…` (RFC 5987 percent-encoding) that every current browser
/// prefers, so "县 科技周 开幕式.mp4" downloads under its Chinese name.
enum ContentDisposition {
    static func value(attachment: Bool, fileName: String) -> String {
        "\(attachment ? "attachment" : "inline"); filename=\"\(asciiFallback(fileName))\"; filename*=UTF-8''\(percentEncoded(fileName))"
    }

    /// Non-ASCII, control characters, quotes and backslashes become "_"; the extension stays.
    static func asciiFallback(_ name: String) -> String {
        String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (0x20..<0x7F).contains(scalar.value) && scalar != "\"" && scalar != "\\" ? scalar : "_"
        }))
    }

    /// Every byte outside RFC 5987's attr-char as %XX of its UTF-8.
    static func percentEncoded(_ name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            if attrChar.contains(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    private static let attrChar = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".utf8
    )
}
