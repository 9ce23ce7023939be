internal import CFFmpeg

/// A media file opened by libavformat for reading: the owner of one `AVFormatContext`.
///
/// Opening is guarded: only the `file` protocol is allowed (a playlist cannot make FFmpeg reach
/// the network or other protocols), probing is bounded, and every blocking call is abandoned
/// once the deadline passes. Not Sendable: use one `MediaFile` per task.
public final class MediaFile {
    public let path: String
    let context: UnsafeMutablePointer<AVFormatContext>
    let limits: OpenLimits
    // Kept alive as long as the context, which calls back into it.
    private let deadline: InterruptDeadline

    /// Whether libavformat's stream analysis (`avformat_find_stream_info`, which decodes the
    /// first frames of every stream) runs on open.
    public enum Analysis: Sendable {
        /// Only when the container's header leaves something unknown. An MP4/MOV or Matroska
        /// header states codec, size, sample rate and length, so analysing it would only cost
        /// decoding (several frames of a 4K video just to guess H.264's reordering delay).
        case whenNeeded
        /// Always (for comparisons in tests).
        case always
    }

    /// Set when the header described every stream and the analysis was skipped.
    let analysisSkipped: Bool

    /// Opens the file and reads its stream parameters.
    ///
    /// The corresponding C functions are `avformat_open_input` and `avformat_find_stream_info`.
    public init(path: String, limits: OpenLimits = .standard, analysis: Analysis = .whenNeeded) throws(FFmpegError) {
        try FFmpegLibrary.load()
        self.path = path
        self.limits = limits
        let deadline = InterruptDeadline()
        deadline.expire(after: limits.openTimeoutSeconds)
        self.deadline = deadline

        guard let allocated = avformat_alloc_context() else {
            throw FFmpegError(code: FFmpegError.outOfMemory.code, operation: "avformat_alloc_context")
        }
        allocated.pointee.interrupt_callback = deadline.callback

        var options: OpaquePointer? = nil
        av_dict_set(&options, "protocol_whitelist", "file", 0)
        av_dict_set_int(&options, "probesize", limits.probeBytes, 0)
        av_dict_set_int(&options, "analyzeduration", Int64(limits.analyzeSeconds * 1_000_000), 0)
        defer { av_dict_free(&options) }

        // On failure avformat_open_input frees the context and sets the pointer to NULL.
        var opened: UnsafeMutablePointer<AVFormatContext>? = allocated
        // "file:" keeps a name containing ':' from being read as a protocol prefix.
        let openResult = avformat_open_input(&opened, "file:" + path, nil, &options)
        guard openResult >= 0, let opened else {
            throw FFmpegError(code: openResult, operation: "avformat_open_input")
        }
        self.context = opened

        // From here on deinit closes the context, also when find_stream_info fails.
        analysisSkipped = analysis == .whenNeeded && Self.headerDescribesEveryStream(opened)
        if !analysisSkipped {
            try FFmpegError.check(avformat_find_stream_info(opened, nil), "avformat_find_stream_info")
        } else if formatName == "matroska,webm" {
            // Matroska often states no frame rate; the analysis would decode frames to learn it.
            // The first packets' timestamps tell it without decoding.
            try estimateFrameRatesFromFirstPackets()
            readPastStart = true
        }
    }

    /// Set once packets have been read during opening: reading from the start needs a new open.
    private(set) var readPastStart = false

    /// Sets `avg_frame_rate` of video streams that lack one from the spacing of their first
    /// packets' presentation times.
    private func estimateFrameRatesFromFirstPackets() throws(FFmpegError) {
        let wanted = 24
        var times: [Int: [Int64]] = [:]
        for index in 0..<Int(context.pointee.nb_streams) {
            guard let stream = stream(at: index), stream.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_VIDEO,
                  stream.pointee.avg_frame_rate.num <= 0 else { continue }
            times[index] = []
        }
        guard !times.isEmpty else { return }
        let packet = try Packet()
        var read = 0
        while read < wanted * 8, times.values.contains(where: { $0.count < wanted }), try readPacket(into: packet) {
            defer { av_packet_unref(packet.pointer) }
            read += 1
            let index = Int(packet.pointer.pointee.stream_index)
            let pts = packet.pointer.pointee.pts
            if times[index] != nil, pts != cffmpeg_nopts_value() { times[index]!.append(pts) }
        }
        for (index, stamps) in times where stamps.count >= 3 {
            guard let stream = stream(at: index) else { continue }
            // Packets arrive in decoding order, so the first ones may leave gaps in presentation
            // order: average only the gaps near the typical (median) one.
            let sorted = stamps.sorted()
            let gaps = zip(sorted.dropFirst(), sorted).map { Double($0 - $1) }.filter { $0 > 0 }.sorted()
            guard !gaps.isEmpty else { continue }
            let median = gaps[gaps.count / 2]
            let typical = gaps.filter { $0 >= median * 0.5 && $0 <= median * 1.5 }
            let frameSeconds = typical.reduce(0, +) / Double(typical.count) * av_q2d(stream.pointee.time_base)
            guard frameSeconds > 0 else { continue }
            stream.pointee.avg_frame_rate = av_d2q(1 / frameSeconds, 1_000_000)
        }
    }

    private static let headerTrustedAudio: Set<AVCodecID> = [
        AV_CODEC_ID_AAC, AV_CODEC_ID_MP3, AV_CODEC_ID_AC3, AV_CODEC_ID_EAC3, AV_CODEC_ID_ALAC, AV_CODEC_ID_VORBIS, AV_CODEC_ID_FLAC,
        AV_CODEC_ID_PCM_S16LE, AV_CODEC_ID_PCM_S16BE, AV_CODEC_ID_PCM_S24LE, AV_CODEC_ID_PCM_F32LE,
    ]

    /// True for an MP4/MOV or Matroska/WebM whose header gives every audio and video track its
    /// codec, size or sample rate, and a length (fragmented MP4s, whose tracks are empty in the
    /// header, and Matroska written to a pipe, which states no length, are analysed as usual).
    private static func headerDescribesEveryStream(_ context: UnsafeMutablePointer<AVFormatContext>) -> Bool {
        let format = String(cString: context.pointee.iformat.pointee.name)
        guard format == "mov,mp4,m4a,3gp,3g2,mj2" || format == "matroska,webm", context.pointee.nb_streams > 0 else { return false }
        // Matroska states one length for the whole segment (none when written to a pipe).
        let segmentLength = format == "matroska,webm" && context.pointee.duration != cffmpeg_nopts_value() && context.pointee.duration > 0
        var playable = 0
        for index in 0..<Int(context.pointee.nb_streams) {
            guard let stream = context.pointee.streams[index] else { return false }
            let parameters = stream.pointee.codecpar.pointee
            let described: Bool
            switch parameters.codec_type {
            case AVMEDIA_TYPE_VIDEO:
                described = parameters.width > 0 && parameters.height > 0
            case AVMEDIA_TYPE_AUDIO:
                // Only codecs whose sample entry states the real rate (an Opus entry may say
                // 16 kHz for what decodes at 48 kHz).
                described = parameters.sample_rate > 0 && parameters.ch_layout.nb_channels > 0
                    && headerTrustedAudio.contains(parameters.codec_id)
            default:
                continue
            }
            let hasLength = segmentLength || (stream.pointee.duration != cffmpeg_nopts_value() && stream.pointee.duration > 0)
            guard described, parameters.codec_id != AV_CODEC_ID_NONE, hasLength else { return false }
            playable += 1
        }
        return playable > 0
    }

    deinit {
        var closing: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&closing)
    }

    /// Restarts the wall-clock budget for the next long step.
    func extendDeadline(by seconds: Double) {
        deadline.expire(after: seconds)
    }

    /// The demuxer's short name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm".
    public var formatName: String {
        String(cString: context.pointee.iformat.pointee.name)
    }

    /// How sure libavformat is of the format (0–100); text and noise score low.
    public var probeScore: Int { Int(context.pointee.probe_score) }

    /// The file's size in bytes as the I/O layer sees it, or nil when unknown.
    public var byteCount: Int64? {
        guard let io = context.pointee.pb else { return nil }
        let size = avio_size(io)
        return size >= 0 ? size : nil
    }

    /// The duration the container states, in seconds, and whether libavformat only estimated
    /// it (from the bit rate, or for MPEG-PS/TS from a few timestamps near each end), which can
    /// be far off.
    public var statedDuration: (seconds: Double, isEstimate: Bool)? {
        if analysisSkipped { return headerDuration }
        let duration = context.pointee.duration
        guard duration != cffmpeg_nopts_value(), duration > 0 else { return nil }
        return (Double(duration) / Double(AV_TIME_BASE), cffmpeg_duration_is_estimated(context) != 0)
    }

    /// Without the analysis libavformat has not combined the tracks' lengths: the largest track
    /// end minus the earliest track start, over picture and sound, as the analysis would.
    private var headerDuration: (seconds: Double, isEstimate: Bool)? {
        var earliest = Double.infinity
        var latest = -Double.infinity
        // The movie header's own length (mvhd), which the demuxer keeps; a track can state less
        // (an Opus track whose media header counts only part of its samples).
        if context.pointee.duration != cffmpeg_nopts_value(), context.pointee.duration > 0 {
            earliest = 0
            latest = Double(context.pointee.duration) / Double(AV_TIME_BASE)
        }
        for stream in streams where stream.isPlayable {
            guard let duration = stream.durationSeconds else { continue }
            let start = stream.startSeconds ?? 0
            earliest = min(earliest, start)
            latest = max(latest, start + duration)
        }
        guard latest > earliest else { return nil }
        return (latest - earliest, false)
    }

    /// Container-level metadata tags (title, creation_time, com.apple.quicktime.*, …).
    public var tags: [String: String] {
        MetadataDictionary.read(context.pointee.metadata)
    }

    public var streams: [StreamInfo] {
        (0..<Int(context.pointee.nb_streams)).compactMap { index in
            context.pointee.streams[index].map { StreamInfo(copying: $0, index: index) }
        }
    }

    func stream(at index: Int) -> UnsafeMutablePointer<AVStream>? {
        guard index >= 0, index < Int(context.pointee.nb_streams) else { return nil }
        return context.pointee.streams[index]
    }
}

extension StreamInfo {
    init(copying stream: UnsafeMutablePointer<AVStream>, index: Int) {
        let parameters = stream.pointee.codecpar.pointee
        let timeBase = stream.pointee.time_base
        let nopts = cffmpeg_nopts_value()

        self.index = index
        switch parameters.codec_type {
        case AVMEDIA_TYPE_VIDEO: type = .video
        case AVMEDIA_TYPE_AUDIO: type = .audio
        case AVMEDIA_TYPE_SUBTITLE: type = .subtitle
        case AVMEDIA_TYPE_DATA: type = .data
        case AVMEDIA_TYPE_ATTACHMENT: type = .attachment
        default: type = .unknown
        }
        codec = parameters.codec_id == AV_CODEC_ID_NONE ? nil : String(cString: avcodec_get_name(parameters.codec_id))
        width = type == .video && parameters.width > 0 ? Int(parameters.width) : nil
        height = type == .video && parameters.height > 0 ? Int(parameters.height) : nil
        // The base rate stands in only when plausible: for Matroska it is often the 1 ms time
        // base ("1000 fps").
        let average = stream.pointee.avg_frame_rate, base = stream.pointee.r_frame_rate
        if type == .video, average.num > 0, average.den > 0 {
            framesPerSecond = av_q2d(average)
        } else if type == .video, base.num > 0, base.den > 0, av_q2d(base) <= 240 {
            framesPerSecond = av_q2d(base)
        } else {
            framesPerSecond = nil
        }
        rotation = type == .video ? cffmpeg_stream_display_rotation(stream) : 0
        channels = type == .audio && parameters.ch_layout.nb_channels > 0 ? Int(parameters.ch_layout.nb_channels) : nil
        sampleRate = type == .audio && parameters.sample_rate > 0 ? Int(parameters.sample_rate) : nil
        isAttachedPicture = stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0
        let timeBaseValid = timeBase.num > 0 && timeBase.den > 0
        startSeconds = timeBaseValid && stream.pointee.start_time != nopts
            ? Double(stream.pointee.start_time) * av_q2d(timeBase) : nil
        durationSeconds = timeBaseValid && stream.pointee.duration != nopts && stream.pointee.duration > 0
            ? Double(stream.pointee.duration) * av_q2d(timeBase) : nil
    }
}

/// Copies an `AVDictionary` into Swift; the dictionary stays owned by its FFmpeg object.
enum MetadataDictionary {
    static func read(_ dictionary: OpaquePointer?) -> [String: String] {
        var result: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>? = nil
        while let next = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX) {
            result[String(cString: next.pointee.key)] = String(cString: next.pointee.value)
            entry = next
        }
        return result
    }
}

/// FFmpeg, loaded on first use (CFFmpeg/lazy_ffmpeg.c) and then silenced: it writes its own
/// diagnostics to stderr, and the tool reports problems in its own words.
public enum FFmpegLibrary {
    private static let loaded: Bool = {
        guard cffmpeg_load() == nil else { return false }
        av_log_set_level(AV_LOG_QUIET)
        return true
    }()

    /// Every way into FFmpeg asks this first, so that a machine without FFmpeg gets an error
    /// for the file (`FFmpegError.libraryMissing`) instead of the process ending. Asked early,
    /// it loads FFmpeg before it is needed (a worker, before it limits its address space).
    public static func load() throws(FFmpegError) {
        guard loaded else { throw FFmpegError.libraryMissing }
    }
}
