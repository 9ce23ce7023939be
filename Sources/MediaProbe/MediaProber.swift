/// Probes files: what they are, what they carry, and how long they play.
public struct MediaProber: Sendable {
    public var limits: OpenLimits

    public init(limits: OpenLimits = .standard) {
        self.limits = limits
    }

    /// Opens and probes one file.
    ///
    /// - Parameter confirmDurationsAbove: a stated duration longer than this many seconds is
    ///   confirmed by reading the packets before it is reported, since headers can be wrong
    ///   (a fragmented MP4 whose duration means "unknown" reads as days long). Pass the
    ///   submission limit so that no video fails on a header alone.
    public func probe(path: String, confirmDurationsAbove threshold: Double? = nil) throws(FFmpegError) -> ProbeReport {
        let file = try MediaFile(path: path, limits: limits)
        let streams = file.streams
        let kind = Self.contentKind(formatName: file.formatName, streams: streams)
        let stated = file.statedDuration
        var report = ProbeReport(
            path: path, formatName: file.formatName, kind: kind, streams: streams,
            durationSeconds: nil, durationSource: nil,
            statedDurationSeconds: stated?.seconds, cutOff: nil, scanStoppedEarly: nil,
            tags: file.tags, byteCount: file.byteCount
        )
        // A still picture has no length (image demuxers state one frame's worth).
        guard kind == .video || kind == .audio else { return report }

        if let coverage = file.indexCoverage(), coverage.isCutOff {
            report.cutOff = coverage
        }

        let needsScan: Bool
        if let stated, !stated.isEstimate {
            needsScan = threshold.map { stated.seconds > $0 } ?? false
        } else {
            needsScan = true
        }
        // A cut-off file is already known to be damaged; reading its packets would only hit the cut.
        if needsScan && report.cutOff == nil {
            // Packets already read while opening would be missing from the scan: start afresh.
            let scanned = file.readPastStart ? try MediaFile(path: path, limits: limits, analysis: .always) : file
            let scan = try scanned.scanPackets()
            report.scanStoppedEarly = scan.stoppedEarly
            if let seconds = scan.durationSeconds {
                report.durationSeconds = seconds
                report.durationSource = .packets
            }
        } else if let stated, !stated.isEstimate {
            report.durationSeconds = stated.seconds
            report.durationSource = .container
        }
        return report
    }

    /// Decides by content, never by file name, what kind of media a file holds.
    static func contentKind(formatName: String, streams: [StreamInfo]) -> ProbeReport.ContentKind {
        let pictures = streams.filter { $0.type == .video && !$0.isAttachedPicture }
        if !pictures.isEmpty {
            let isStill = stillImageFormats.contains(formatName) || formatName.hasSuffix("_pipe")
            return isStill && streams.count == 1 ? .image : .video
        }
        if streams.contains(where: { $0.type == .audio }) { return .audio }
        return .other
    }

    /// Demuxers that read one still picture (the `*_pipe` image demuxers are matched by suffix).
    static let stillImageFormats: Set<String> = ["image2", "png", "webp", "bmp", "tiff", "jpegxl"]
}
