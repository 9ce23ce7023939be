public import Foundation
internal import Exif
internal import MediaProbe

/// Makes upright JPEG thumbnails of videos and photos: each picture turned once, by whichever
/// account of its orientation the format makes authoritative.
public struct ThumbnailMaker: Sendable, Codable {
    /// Long edge in pixels; smaller pictures are never enlarged.
    public var longEdge: Int
    /// Pictures larger than this many pixels are refused before decoding.
    public var pixelBudget: Int

    public init(longEdge: Int = 320, pixelBudget: Int = 200_000_000) {
        self.longEdge = longEdge
        self.pixelBudget = pixelBudget
    }

    public struct Thumbnail: Sendable, Codable {
        public var jpeg: Data
        public var width: Int
        public var height: Int
    }

    /// - Throws: why no picture could be taken, as a reason the caller words.
    public func thumbnail(path: String) throws(ReadProblem) -> Thumbnail {
        do {
            return try uprightThumbnail(path: path)
        } catch {
            throw ReadProblem.fromPictureError(error, path: path)
        }
    }

    /// Videos: a representative frame turned as the display matrix says. Photos: turned by
    /// their EXIF orientation. HEIC/HEIF: decoded by libheif, whose container rotation wins over
    /// EXIF (libheif applies it while decoding).
    private func uprightThumbnail(path: String) throws -> Thumbnail {
        let upright: RGBImage
        let signature = ContentSignature.read(path: path)
        if signature == .heif {
            let decoded = try HEIFImageDecoder.decodePrimaryImage(atPath: path, maximumPixelCount: pixelBudget)
            upright = try RGBImage(decoded).scaled(toLongEdge: longEdge)
        } else {
            let picture = try Thumbnailer(longEdge: longEdge, pixelBudget: pixelBudget).picture(path: path)
            if picture.isStill, let orientation = (try? PhotoMetadataReader.read(
                contentsOf: path, container: PhotoContainerSniff.container(path: path, signature: signature)))?.orientation {
                upright = picture.image.upright(exifOrientation: orientation)
            } else {
                upright = picture.image
            }
        }
        return Thumbnail(jpeg: try JPEGEncoder().encode(upright), width: upright.width, height: upright.height)
    }
}

extension RGBImage {
    /// Repacks libheif's rows (which may be padded) into a tight RGB buffer.
    init(_ decoded: DecodedImage) {
        let rowBytes = decoded.width * 3
        if decoded.bytesPerRow == rowBytes {
            self.init(width: decoded.width, height: decoded.height, pixels: decoded.rgb)
            return
        }
        var pixels = [UInt8]()
        pixels.reserveCapacity(rowBytes * decoded.height)
        for row in 0..<decoded.height {
            let start = row * decoded.bytesPerRow
            pixels.append(contentsOf: decoded.rgb[start..<start + rowBytes])
        }
        self.init(width: decoded.width, height: decoded.height, pixels: pixels)
    }
}
