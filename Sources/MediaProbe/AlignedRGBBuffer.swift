import Foundation

/// An RGB picture in memory laid out the way libswscale wants it: each row starts on a 64-byte
/// boundary and the buffer has slack at the end, because the SIMD code reads and writes whole
/// vectors past the last pixel of a row. (Handing it a tight Swift array corrupted the heap
/// on small pictures, e.g. a 59×100 JPEG.)
final class AlignedRGBBuffer {
    let width: Int
    let height: Int
    /// Bytes from one row to the next.
    let stride: Int
    let bytes: UnsafeMutableRawPointer

    private static let alignment = 64

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        stride = (width * 3 + Self.alignment - 1) / Self.alignment * Self.alignment
        let total = stride * (height + 1) + Self.alignment
        bytes = UnsafeMutableRawPointer.allocate(byteCount: total, alignment: Self.alignment)
        bytes.initializeMemory(as: UInt8.self, repeating: 0, count: total)
    }

    convenience init(_ image: RGBImage) {
        self.init(width: image.width, height: image.height)
        image.pixels.withUnsafeBytes { source in
            for row in 0..<height {
                (bytes + row * stride).copyMemory(from: source.baseAddress! + row * width * 3, byteCount: width * 3)
            }
        }
    }

    deinit {
        bytes.deallocate()
    }

    var rows: UnsafeMutablePointer<UInt8> { bytes.assumingMemoryBound(to: UInt8.self) }

    /// The picture as a tightly packed value.
    func image() -> RGBImage {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeMutableBytes { target in
            for row in 0..<height {
                (target.baseAddress! + row * width * 3).copyMemory(from: bytes + row * stride, byteCount: width * 3)
            }
        }
        return RGBImage(width: width, height: height, pixels: pixels)
    }
}
