import MediaProbe

/// Why a file could not be read, as the message a county clerk reads, with what to do about it.
enum ReadFailure {
    static func explain(_ error: FFmpegError, signature: FileSignature) -> Message {
        switch error {
        case FFmpegError.noSuchFile: .fileMissing
        case FFmpegError.permissionDenied: .permissionDenied
        case FFmpegError.interrupted: .readTimedOut
        case FFmpegError.invalidData where signature == .empty: .emptyFile
        case FFmpegError.invalidData where signature == .isoMedia: .cutOffNoIndex
        case FFmpegError.invalidData: .notReadableMedia(detail: error.message)
        case FFmpegError.outOfMemory: .outOfMemory
        default: .unreadable(detail: error.message)
        }
    }

    static func explain(_ signature: FileSignature) -> Message? {
        switch signature {
        case .plainText: .textFile
        case .zipArchive: .zipArchive
        default: nil
        }
    }
}
