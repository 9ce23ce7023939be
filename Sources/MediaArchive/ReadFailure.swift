import MediaProbe

/// Why a file could not be read, in words for a county clerk, with what to do about it.
enum ReadFailure {
    static func explain(_ error: FFmpegError, signature: FileSignature) -> String {
        switch error {
        case FFmpegError.noSuchFile:
            return "the file does not exist; check the name and folder"
        case FFmpegError.permissionDenied:
            return "the file cannot be opened (permission denied); ask whoever manages this computer for access"
        case FFmpegError.interrupted:
            return "reading the file took too long and was stopped; the file is probably damaged — ask for it again"
        case FFmpegError.invalidData where signature == .empty:
            return "the file is empty (0 bytes); ask for the file to be sent again"
        case FFmpegError.invalidData where signature == .isoMedia:
            return "the file is cut off or damaged (no index found); ask for the original file"
        case FFmpegError.invalidData:
            return "not a video or photo this tool can read (\(error.message)); ask which program made it and for an MP4 copy"
        case FFmpegError.outOfMemory:
            return "the file needs more memory than is available to read; it may be damaged"
        default:
            return "the file could not be read (\(error.message)); it may be damaged — ask for it again"
        }
    }

    static func explain(_ signature: FileSignature) -> String? {
        switch signature {
        case .plainText:
            return "this is a text file, not a video or photo; ask for the real file"
        case .zipArchive:
            return "this is a ZIP archive; unpack it and check the files inside"
        default:
            return nil
        }
    }
}
