/// Why a file, or a picture from it, could not be read: the wrappers' errors as typed reasons.
/// The domain's message catalogue words each one in the reader's language; the C libraries'
/// own words ride along as `detail`, shown as they are.
public enum ReadProblem: Sendable, Hashable, Error, Codable {
    case fileMissing
    case isFolder
    case permissionDenied
    case emptyFile
    /// FFmpeg gave up after the time the tool allows for opening a file.
    case readTimedOut
    /// An MP4/MOV whose index (moov) is missing: the upload or copy was cut off.
    case cutOffNoIndex
    case notReadableMedia(detail: String)
    case outOfMemory
    case unreadable(detail: String)
    case textFile
    case zipArchive
    /// A photo library (libheif, libexif) refused the file; `english` is the wrapper's sentence.
    case photoRefused(PhotoRefusal, english: String)
    // Pictures for thumbnails.
    case documentHasNoPicture
    case pictureTooLarge(width: Int, height: Int, megapixels: Int)
    case noPicture
    /// Something no case above names, in the words it came with.
    case other(String)
}

/// What kind of refusal a photo library gave, so it can be worded in another language.
public enum PhotoRefusal: String, Sendable, Hashable, Codable {
    case fileNotFound, unreadable, notAPhoto, damagedContainer, decodingFailed, imageTooLarge, other
}
