public import Foundation
internal import CFFmpeg

/// Encodes pictures as baseline JPEG with libavcodec's MJPEG encoder.
public struct JPEGEncoder: Sendable {
    /// libavcodec's quantiser scale, 2 (best) to 31; 4 looks clean at thumbnail sizes.
    public var quality: Int32

    public init(quality: Int32 = 4) {
        self.quality = quality
    }

    public func encode(_ image: RGBImage) throws(FFmpegError) -> Data {
        try FFmpegLibrary.load()
        guard let codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG) else {
            throw FFmpegError(code: FFmpegError.decoderNotFound.code, operation: "avcodec_find_encoder(mjpeg)")
        }
        let encoder = try EncoderContext(codec: codec)
        let context = encoder.pointer
        context.pointee.width = Int32(image.width)
        context.pointee.height = Int32(image.height)
        context.pointee.pix_fmt = AV_PIX_FMT_YUVJ420P
        context.pointee.color_range = AVCOL_RANGE_JPEG
        context.pointee.time_base = AVRational(num: 1, den: 25)
        context.pointee.flags |= AV_CODEC_FLAG_QSCALE
        context.pointee.global_quality = quality * FF_QP2LAMBDA
        try FFmpegError.check(avcodec_open2(context, codec, nil), "avcodec_open2(mjpeg)")

        let frame = try Frame()
        frame.pointer.pointee.width = Int32(image.width)
        frame.pointer.pointee.height = Int32(image.height)
        frame.pointer.pointee.format = AV_PIX_FMT_YUVJ420P.rawValue
        frame.pointer.pointee.quality = context.pointee.global_quality
        frame.pointer.pointee.pict_type = AV_PICTURE_TYPE_I
        try FFmpegError.check(av_frame_get_buffer(frame.pointer, 0), "av_frame_get_buffer")
        try Self.convert(image, into: frame)

        try FFmpegError.check(avcodec_send_frame(context, frame.pointer), "avcodec_send_frame")
        try FFmpegError.check(avcodec_send_frame(context, nil), "avcodec_send_frame(flush)")
        let packet = try Packet()
        var output = Data()
        while true {
            let received = avcodec_receive_packet(context, packet.pointer)
            if received == FFmpegError.endOfFile.code || received == FFmpegError.tryAgain.code { break }
            try FFmpegError.check(received, "avcodec_receive_packet")
            output.append(packet.pointer.pointee.data, count: Int(packet.pointer.pointee.size))
            av_packet_unref(packet.pointer)
        }
        return output
    }

    /// RGB → full-range YUV 4:2:0, the layout baseline JPEG stores.
    private static func convert(_ image: RGBImage, into frame: Frame) throws(FFmpegError) {
        // swscale warns that yuvj420p is deprecated; the tool's output carries no FFmpeg lines.
        try FFmpegLibrary.load()
        guard let scaler = sws_getContext(
            Int32(image.width), Int32(image.height), AV_PIX_FMT_RGB24,
            Int32(image.width), Int32(image.height), AV_PIX_FMT_YUVJ420P,
            SWS_BICUBIC, nil, nil, nil
        ) else {
            throw FFmpegError(code: FFmpegError.invalidData.code, operation: "sws_getContext(rgb24→yuvj420p)")
        }
        defer { sws_freeContext(scaler) }
        let input = AlignedRGBBuffer(image)
        var sources: [UnsafePointer<UInt8>?] = [UnsafePointer(input.rows), nil, nil, nil]
        var sourceStrides: [Int32] = [Int32(input.stride), 0, 0, 0]
        let result = withUnsafeMutablePointer(to: &frame.pointer.pointee.data) { dataTuple in
            withUnsafeMutablePointer(to: &frame.pointer.pointee.linesize) { lineTuple in
                dataTuple.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { planes in
                    lineTuple.withMemoryRebound(to: Int32.self, capacity: 8) { strides in
                        sws_scale(scaler, &sources, &sourceStrides, 0, Int32(image.height), planes, strides)
                    }
                }
            }
        }
        guard result > 0 else { throw FFmpegError(code: FFmpegError.invalidData.code, operation: "sws_scale(rgb24→yuvj420p)") }
    }
}

/// The owner of one encoder `AVCodecContext`.
private final class EncoderContext {
    let pointer: UnsafeMutablePointer<AVCodecContext>

    init(codec: UnsafePointer<AVCodec>) throws(FFmpegError) {
        guard let context = avcodec_alloc_context3(codec) else {
            throw FFmpegError(code: FFmpegError.outOfMemory.code, operation: "avcodec_alloc_context3")
        }
        pointer = context
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVCodecContext>? = pointer
        avcodec_free_context(&freeing)
    }
}
