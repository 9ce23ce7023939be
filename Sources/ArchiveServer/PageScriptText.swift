import Foundation

/// A page script's words, handed to the script as one JSON object (`var T = {…};`) so the
/// script itself is written once for both languages.
enum PageScriptText {
    /// `value` as a JavaScript object literal. JSONEncoder escapes `/`, so no text can close
    /// the `<script>` element it stands in.
    static func literal(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }
}
