/// The container formats whose EXIF block this module can find. The caller says which one a
/// file is: MediaFacts' content sniffer has already read its leading bytes.
public enum PhotoContainer: Sendable, Equatable {
    case jpeg
    case tiff
    /// HEIC, HEIF, AVIF: ISO base media files that libheif reads.
    case heif
    case png
    case webp
}
