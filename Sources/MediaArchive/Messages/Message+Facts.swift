import MediaFacts

extension Message {
    /// The catalogue's words for why a file could not be read.
    init(_ problem: ReadProblem) {
        switch problem {
        case .fileMissing: self = .fileMissing
        case .isFolder: self = .isFolder
        case .permissionDenied: self = .permissionDenied
        case .emptyFile: self = .emptyFile
        case .readTimedOut: self = .readTimedOut
        case .cutOffNoIndex: self = .cutOffNoIndex
        case .notReadableMedia(let detail): self = .notReadableMedia(detail: detail)
        case .outOfMemory: self = .outOfMemory
        case .unreadable(let detail): self = .unreadable(detail: detail)
        case .textFile: self = .textFile
        case .zipArchive: self = .zipArchive
        case .photoRefused(let refusal, let english): self = .photoRefused(refusal, english: english)
        case .documentHasNoPicture: self = .documentHasNoPicture
        case .pictureTooLarge(let width, let height, let megapixels):
            self = .pictureTooLarge(width: width, height: height, megapixels: megapixels)
        case .noPicture: self = .noPicture
        case .other(let text): self = .untranslated(text)
        }
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
