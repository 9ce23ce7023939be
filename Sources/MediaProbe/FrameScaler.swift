internal import CFFmpeg

/// Converts decoded frames to RGB at a chosen size: the owner of one `SwsContext`.
final class FrameScaler {
    private let context: OpaquePointer
    let outputWidth: Int
    let outputHeight: Int

    /// The corresponding C function is `sws_getContext`.
    init(from frame: Frame, toWidth width: Int, height: Int) throws(FFmpegError) {
        try FFmpegLibrary.load()
        let format = AVPixelFormat(rawValue: frame.pointer.pointee.format)
        guard let context = sws_getContext(
            Int32(frame.width), Int32(frame.height), format,
            Int32(width), Int32(height), AV_PIX_FMT_RGB24,
            SWS_AREA, nil, nil, nil
        ) else {
            throw FFmpegError(code: FFmpegError.invalidData.code, operation: "sws_getContext (pixel format \(format.rawValue))")
        }
        self.context = context
        outputWidth = width
        outputHeight = height
    }

    deinit {
        sws_freeContext(context)
    }

    func rgbImage(from frame: Frame) throws(FFmpegError) -> RGBImage {
        let output = AlignedRGBBuffer(width: outputWidth, height: outputHeight)
        var destinations: [UnsafeMutablePointer<UInt8>?] = [output.rows, nil, nil, nil]
        var strides: [Int32] = [Int32(output.stride), 0, 0, 0]
        let scaled = withUnsafePointer(to: &frame.pointer.pointee.data) { dataTuple in
            withUnsafePointer(to: &frame.pointer.pointee.linesize) { lineTuple in
                dataTuple.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { sourcePlanes in
                    lineTuple.withMemoryRebound(to: Int32.self, capacity: 8) { sourceStrides in
                        sws_scale(context, sourcePlanes, sourceStrides, 0, Int32(frame.height), &destinations, &strides)
                    }
                }
            }
        }
        guard scaled > 0 else { throw FFmpegError(code: scaled == 0 ? FFmpegError.invalidData.code : scaled, operation: "sws_scale") }
        return output.image()
    }

    /// The size a picture of `width`×`height` gets when its long edge is at most `longEdge`:
    /// smaller pictures are never enlarged; both sides stay at least 1 pixel.
    static func fittedSize(width: Int, height: Int, longEdge: Int) -> (width: Int, height: Int) {
        let longest = max(width, height)
        guard longest > longEdge, longest > 0 else { return (width, height) }
        let scale = Double(longEdge) / Double(longest)
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }
}
