/// A decoded picture as tightly packed 8-bit RGB, row by row from the top.
/// A plain value: safe to pass between tasks, and independent of any C object.
public struct RGBImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// `width * height * 3` bytes.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "RGB buffer does not match \(width)x\(height)")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The colour at column `x`, row `y`.
    public func pixel(x: Int, y: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let offset = (y * width + x) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// Average brightness 0–255 (Rec. 601 luma), sampled on a grid; used to skip black frames.
    public var meanBrightness: Double {
        guard width > 0, height > 0 else { return 0 }
        let step = max(1, (width * height) / 4096)
        var total = 0.0
        var samples = 0
        var index = 0
        while index < width * height {
            let offset = index * 3
            total += 0.299 * Double(pixels[offset]) + 0.587 * Double(pixels[offset + 1]) + 0.114 * Double(pixels[offset + 2])
            samples += 1
            index += step
        }
        return total / Double(samples)
    }

    /// The picture turned upright according to an EXIF Orientation value (1–8).
    public func upright(exifOrientation: Int) -> RGBImage {
        switch exifOrientation {
        case 2: remapped(width: width, height: height) { x, y in (width - 1 - x, y) }
        case 3: remapped(width: width, height: height) { x, y in (width - 1 - x, height - 1 - y) }
        case 4: remapped(width: width, height: height) { x, y in (x, height - 1 - y) }
        case 5: remapped(width: height, height: width) { x, y in (y, x) }                           // transpose
        case 6: remapped(width: height, height: width) { x, y in (y, height - 1 - x) }               // 90° clockwise
        case 7: remapped(width: height, height: width) { x, y in (width - 1 - y, height - 1 - x) }   // transverse
        case 8: remapped(width: height, height: width) { x, y in (width - 1 - y, x) }                // 90° anticlockwise
        default: self
        }
    }

    /// The picture turned as a player turns a video whose display matrix says `rotation`
    /// degrees counter-clockwise (ffprobe's sign: -90 means turn it 90° clockwise).
    public func upright(displayRotation rotation: Double) -> RGBImage {
        let quarterTurns = ((Int((-rotation / 90).rounded()) % 4) + 4) % 4
        switch quarterTurns {
        case 1: return upright(exifOrientation: 6)
        case 2: return upright(exifOrientation: 3)
        case 3: return upright(exifOrientation: 8)
        default: return self
        }
    }

    /// Builds a new image where output pixel (x, y) is taken from `source(x, y)` of this one.
    private func remapped(width newWidth: Int, height newHeight: Int, source: (Int, Int) -> (Int, Int)) -> RGBImage {
        var output = [UInt8](repeating: 0, count: newWidth * newHeight * 3)
        output.withUnsafeMutableBufferPointer { target in
            pixels.withUnsafeBufferPointer { input in
                for y in 0..<newHeight {
                    for x in 0..<newWidth {
                        let (sourceX, sourceY) = source(x, y)
                        let from = (sourceY * width + sourceX) * 3
                        let to = (y * newWidth + x) * 3
                        target[to] = input[from]
                        target[to + 1] = input[from + 1]
                        target[to + 2] = input[from + 2]
                    }
                }
            }
        }
        return RGBImage(width: newWidth, height: newHeight, pixels: output)
    }
}
