import Foundation

/// The operating system's reason behind a failed file operation (disk full, permission denied),
/// wherever Foundation tucked it away, so the message can name it in the reader's language.
enum SystemFailure {
    /// The errno of a POSIX error, or of one Foundation wrapped.
    static func posixCode(of error: any Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return Int32(bridged.code) }
        // On Linux the underlying error is kept as a Swift error, which `as? NSError` does not bridge.
        return (bridged.userInfo[NSUnderlyingErrorKey] as? any Error).flatMap(posixCode)
    }

    /// The errno, or the one that FileManager's own code stands for: it reports some failures
    /// only that way, with no POSIX error inside.
    static func errno(of error: any Error) -> Int32? {
        if let code = posixCode(of: error) { return code }
        let bridged = error as NSError
        guard bridged.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: bridged.code) {
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteNoPermission, .fileReadNoPermission: return EACCES
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }
}
