internal import CFFmpeg

/// The owner of one `AVPacket`, reused across reads.
final class Packet {
    let pointer: UnsafeMutablePointer<AVPacket>

    init() throws(FFmpegError) {
        guard let packet = av_packet_alloc() else {
            throw FFmpegError(code: FFmpegError.outOfMemory.code, operation: "av_packet_alloc")
        }
        pointer = packet
    }

    deinit {
        var freeing: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&freeing)
    }
}

extension MediaFile {
    /// Reads the next packet into `packet`; returns false at the end of the file.
    /// The caller unreferences the packet when done with it.
    func readPacket(into packet: Packet) throws(FFmpegError) -> Bool {
        while true {
            let result = av_read_frame(context, packet.pointer)
            if result >= 0 { return true }
            if result == FFmpegError.endOfFile.code { return false }
            // EAGAIN means "no packet yet, call again" for some demuxers; it is not an error.
            if result == FFmpegError.tryAgain.code { continue }
            throw FFmpegError(code: result, operation: "av_read_frame")
        }
    }
}
