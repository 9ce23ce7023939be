import MediaArchive

/// Text that a page shows in both languages, written as two values side by side (`zh`, `en`)
/// so every word of a page lives in one table.
protocol Bilingual {
    static var zh: Self { get }
    static var en: Self { get }
}

extension Bilingual {
    static func of(_ language: Language) -> Self {
        switch language {
        case .zh: zh
        case .en: en
        }
    }
}
