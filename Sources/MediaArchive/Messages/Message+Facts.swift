import MediaFacts

extension Message {
    /// Why a file could not be read. A problem no case names is outside text, shown as it is.
    init(_ problem: ReadProblem) {
        if case .other(let text) = problem { self = .untranslated(text) } else { self = .cannotRead(problem) }
    }

    init(_ warning: FactWarning) {
        switch warning {
        case .photoSizeUnknown: self = .photoSizeUnknown
        case .exifDamaged: self = .exifDamaged
        case .jpegDamagedBeforeExif: self = .jpegDamagedBeforeExif
        case .exifOutOfMemory: self = .exifOutOfMemory
        case .photoMetadataUnreadable(let detail): self = .photoMetadataUnreadable(detail: detail)
        case .heifNotDecodable(let detail): self = .heifNotDecodable(detail: detail)
        }
    }
}
