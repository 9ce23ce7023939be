/// Pixels of a decoded photo: 8-bit RGB, interleaved, rows top to bottom, upright.
public struct DecodedImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Always `width * 3`: rows are packed.
    public var bytesPerRow: Int
    public var rgb: [UInt8]

    public init(width: Int, height: Int, bytesPerRow: Int, rgb: [UInt8]) {
        self.width = width
        self.height = height
        self.bytesPerRow = bytesPerRow
        self.rgb = rgb
    }
}

/// Decodes the main image of HEIC/HEIF/AVIF files with libheif.
public enum HEIFImageDecoder {
    /// Decodes the primary image to upright RGB (the container's rotation and mirroring applied).
    ///
    /// - Parameter maximumPixelCount: refuse images with more pixels than this before
    ///   decoding anything (a 48-megapixel photo needs ~150 MB as RGB).
    /// - Throws: ``ExifError`` — `imageTooLarge`, `damagedContainer`, `decodingFailed`,
    ///   `fileNotFound`, `unreadable`.
    public static func decodePrimaryImage(atPath path: String, maximumPixelCount: Int) throws -> DecodedImage {
        _ = try PhotoFile(path: path)  // precise "missing" / "unreadable" errors before libheif's generic ones
        let image = try HEIFFile(path: path).primaryImage()
        let (width, height) = (image.width, image.height)
        guard width > 0, height > 0 else {
            throw ExifError(ExifError.damagedContainer, path: path, message: "the HEIF image states no size")
        }
        guard width.multipliedReportingOverflow(by: height).partialValue <= maximumPixelCount,
            !width.multipliedReportingOverflow(by: height).overflow
        else {
            throw ExifError(
                ExifError.imageTooLarge, path: path,
                message: "the image is \(width)×\(height) pixels, more than the \(maximumPixelCount) allowed")
        }
        return try image.decodeRGB()
    }
}
