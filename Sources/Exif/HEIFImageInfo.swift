/// The size of a HEIC/HEIF/AVIF photo's main image, read from its container without decoding
/// pixels; reading it also proves the container is sound.
public struct HEIFImageInfo: Sendable, Equatable {
    public var width: Int
    public var height: Int

    /// - Throws: ``ExifError`` (`damagedContainer`) when libheif cannot parse the file.
    public static func read(path: String) throws -> HEIFImageInfo {
        let image = try HEIFFile(path: path).primaryImage()
        return HEIFImageInfo(width: image.width, height: image.height)
    }
}
