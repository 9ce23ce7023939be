import Foundation

/// Recognises the forms' labels as offices type them: spaced out to fill the cell ("项 目 简 介"),
/// with full-width or half-width brackets and colons, a trailing colon, a required-field star.
enum LabelMatcher {
    /// NFKC folds full-width forms (（ ） ： Ａ) to their plain ones; then every kind of space,
    /// the required-field marks and trailing colons go, and Latin letters compare in lower case.
    static func normalised(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        var result = String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "*" && $0 != "\u{200B}"
        }))
        while result.hasSuffix(":") { result.removeLast() }
        return result.lowercased()
    }

    /// The field of `kind` whose label (or alias) this cell's text is.
    static func field(of kind: FormKind, matching text: String) -> FormKind.Field? {
        let cell = normalised(text)
        guard !cell.isEmpty else { return nil }
        return kind.fields.first { field in
            ([field.label] + field.aliases).contains { normalised($0) == cell }
        }
    }

    /// "项目名称：科普大篷车进乡村" → (项目名称, 科普大篷车进乡村): a label before the first colon
    /// (full- or half-width) and a value after it.
    static func labelAndValue(of kind: FormKind, in text: String) -> (FormKind.Field, String)? {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" || $0 == "﹕" }) else { return nil }
        guard let field = field(of: kind, matching: String(text[..<colon])) else { return nil }
        return (field, text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether the text is a label of either form (so it is never taken as another label's value).
    static func isLabel(_ text: String) -> Bool {
        FormKind.allCases.contains { field(of: $0, matching: text) != nil } || normalised(text) == "序号"
    }
}
