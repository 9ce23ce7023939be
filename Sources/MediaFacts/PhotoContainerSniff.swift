internal import Exif

/// Which of the Exif wrapper's containers a photo is, from what the one content sniffer
/// (`ContentSignature`, then `ImageHeader.Magic`) says about its first bytes.
enum PhotoContainerSniff {
    /// Nil for pictures whose EXIF the wrapper cannot find (GIF, BMP, JPEG XL, …).
    static func container(path: String, signature: ContentSignature) -> PhotoContainer? {
        if signature == .heif { return .heif }
        switch ImageHeader.Magic.read(path: path) {
        case .jpeg: return .jpeg
        case .tiff: return .tiff
        case .png: return .png
        case .webp: return .webp
        case .gif, .bmp, .jpegXL, .jpegXLContainer, nil: return nil
        }
    }
}
