internal import CFFmpeg

/// What reading every packet of a file (without decoding) tells about its timing.
public struct PacketScan: Sendable, Equatable {
    /// Largest packet end minus smallest packet start over the playable streams, in seconds;
    /// nil when no packet carried a timestamp.
    public var durationSeconds: Double?
    public var packetCount: Int
    /// Why the scan stopped before the end of the file, if it did.
    public var stoppedEarly: FFmpegError?
}

extension MediaFile {
    /// Reads every packet to find when the media really starts and ends.
    ///
    /// Only timestamps are looked at; nothing is decoded. Streams a viewer neither sees nor hears
    /// (subtitles, data, cover art) are ignored unless the file has nothing else.
    public func scanPackets() throws(FFmpegError) -> PacketScan {
        let streams = streams
        let counted = Set(streams.filter(\.isPlayable).map(\.index))
        let timeBases = (0..<streams.count).map { index in
            stream(at: index).map { av_q2d($0.pointee.time_base) } ?? 0
        }
        let budget = limits.openTimeoutSeconds
            + limits.scanSecondsPerGiB * Double(byteCount ?? 0) / Double(1 << 30)
        extendDeadline(by: budget)

        let packet = try Packet()
        let nopts = cffmpeg_nopts_value()
        var earliest = Double.infinity
        var latest = -Double.infinity
        var count = 0
        var stoppedEarly: FFmpegError? = nil

        while true {
            do {
                guard try readPacket(into: packet) else { break }
            } catch {
                // A read error part-way leaves the timing of what was read; the caller decides
                // what a damaged tail means.
                stoppedEarly = error
                break
            }
            defer { av_packet_unref(packet.pointer) }
            let index = Int(packet.pointer.pointee.stream_index)
            guard counted.isEmpty || counted.contains(index), index < timeBases.count else { continue }
            count += 1
            // Encoder priming (AAC's first packet, flagged discard and hidden by the edit list)
            // is not played, so it does not count towards the length.
            guard packet.pointer.pointee.flags & AV_PKT_FLAG_DISCARD == 0 else { continue }
            let raw = packet.pointer.pointee.pts != nopts ? packet.pointer.pointee.pts : packet.pointer.pointee.dts
            guard raw != nopts else { continue }
            let timeBase = timeBases[index]
            let start = Double(raw) * timeBase
            let end = Double(raw + max(0, packet.pointer.pointee.duration)) * timeBase
            earliest = min(earliest, start)
            latest = max(latest, end)
        }
        let duration = latest >= earliest ? latest - earliest : nil
        return PacketScan(durationSeconds: duration, packetCount: count, stoppedEarly: stoppedEarly)
    }
}
