internal import CFFmpeg

/// A video or picture decoder for one stream of a `MediaFile`: the owner of one `AVCodecContext`.
final class Decoder {
    let context: UnsafeMutablePointer<AVCodecContext>
    let streamIndex: Int

    /// - Parameter keyframesOnly: decode only keyframes (`skip_frame = AVDISCARD_NONKEY`): a
    ///   thumbnail needs one picture, not the frames that depend on it.
    init(file: MediaFile, streamIndex: Int, keyframesOnly: Bool) throws(FFmpegError) {
        guard let stream = file.stream(at: streamIndex) else {
            throw FFmpegError(code: FFmpegError.invalidData.code, operation: "no stream \(streamIndex)")
        }
        guard let codec = avcodec_find_decoder(stream.pointee.codecpar.pointee.codec_id) else {
            throw FFmpegError(code: FFmpegError.decoderNotFound.code, operation: "avcodec_find_decoder")
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw FFmpegError(code: FFmpegError.outOfMemory.code, operation: "avcodec_alloc_context3")
        }
        self.context = context
        self.streamIndex = streamIndex
        // From here on deinit frees the context on every path.
        try FFmpegError.check(avcodec_parameters_to_context(context, stream.pointee.codecpar), "avcodec_parameters_to_context")
        context.pointee.pkt_timebase = stream.pointee.time_base
        if keyframesOnly { context.pointee.skip_frame = AVDISCARD_NONKEY }
        // Frame threading would make the decoder take several packets before giving the first
        // picture; slices can still be decoded in parallel.
        context.pointee.thread_count = 0
        context.pointee.thread_type = FF_THREAD_SLICE
        try FFmpegError.check(avcodec_open2(context, codec, nil), "avcodec_open2")
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&freeing)
    }

    /// Reads packets of this decoder's stream until one picture comes out; nil at the end of
    /// the file. Packets of other streams are skipped.
    func decodeNextFrame(from file: MediaFile, into frame: Frame) throws(FFmpegError) -> Bool {
        let packet = try Packet()
        var draining = false
        while true {
            let received = avcodec_receive_frame(context, frame.pointer)
            if received >= 0 { return true }
            if received == FFmpegError.endOfFile.code { return false }
            if received != FFmpegError.tryAgain.code {
                throw FFmpegError(code: received, operation: "avcodec_receive_frame")
            }
            if draining { return false }
            // The decoder wants more input.
            var fed = false
            while !fed {
                guard try file.readPacket(into: packet) else {
                    // End of file: flush out whatever the decoder still holds.
                    _ = avcodec_send_packet(context, nil)
                    draining = true
                    break
                }
                defer { av_packet_unref(packet.pointer) }
                guard Int(packet.pointer.pointee.stream_index) == streamIndex else { continue }
                let sent = avcodec_send_packet(context, packet.pointer)
                // A damaged packet is skipped; the next keyframe may still decode.
                if sent < 0 && sent != FFmpegError.invalidData.code && sent != FFmpegError.tryAgain.code {
                    throw FFmpegError(code: sent, operation: "avcodec_send_packet")
                }
                fed = true
            }
        }
    }

    /// Forgets buffered frames, after a seek.
    func flush() {
        avcodec_flush_buffers(context)
    }
}
