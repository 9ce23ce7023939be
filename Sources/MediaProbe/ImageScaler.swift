internal import CFFmpeg

extension RGBImage {
    /// This picture shrunk so its long edge is at most `longEdge` (never enlarged), with
    /// libswscale's area averaging, which keeps thumbnails free of aliasing.
    public func scaled(toLongEdge longEdge: Int) throws(FFmpegError) -> RGBImage {
        let size = FrameScaler.fittedSize(width: width, height: height, longEdge: longEdge)
        guard size.width != width || size.height != height else { return self }
        try FFmpegLibrary.load()  // a HEIF thumbnail reaches swscale without a MediaFile
        guard let scaler = sws_getContext(Int32(width), Int32(height), AV_PIX_FMT_RGB24,
                                          Int32(size.width), Int32(size.height), AV_PIX_FMT_RGB24,
                                          SWS_AREA, nil, nil, nil) else {
            throw FFmpegError(code: FFmpegError.invalidData.code, operation: "sws_getContext(rgb24)")
        }
        defer { sws_freeContext(scaler) }
        let input = AlignedRGBBuffer(self)
        let output = AlignedRGBBuffer(width: size.width, height: size.height)
        var sources: [UnsafePointer<UInt8>?] = [UnsafePointer(input.rows), nil, nil, nil]
        var sourceStrides: [Int32] = [Int32(input.stride), 0, 0, 0]
        var targets: [UnsafeMutablePointer<UInt8>?] = [output.rows, nil, nil, nil]
        var targetStrides: [Int32] = [Int32(output.stride), 0, 0, 0]
        let rows = sws_scale(scaler, &sources, &sourceStrides, 0, Int32(height), &targets, &targetStrides)
        guard rows > 0 else { throw FFmpegError(code: FFmpegError.invalidData.code, operation: "sws_scale(rgb24)") }
        return output.image()
    }
}
