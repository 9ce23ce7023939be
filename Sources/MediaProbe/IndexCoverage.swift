internal import CFFmpeg

/// Whether the media data a container's index points to is really in the file.
///
/// An MP4 written "index first" (faststart) that was cut off still opens and still states its
/// full length, but its index points past the end of the file. Comparing the index with the
/// file size finds that without reading the media data.
public struct IndexCoverage: Sendable, Equatable {
    /// Seconds of media whose samples lie wholly inside the file.
    public var presentSeconds: Double
    /// Bytes the index expects the file to hold at least.
    public var expectedBytes: Int64
    public var actualBytes: Int64

    public var isCutOff: Bool { expectedBytes > actualBytes }
}

extension MediaFile {
    /// Checks the demuxer's index (MP4/MOV sample tables, AVI idx1, …) against the file size;
    /// nil when the format keeps no index up front or the size is unknown.
    public func indexCoverage() -> IndexCoverage? {
        guard let fileSize = byteCount else { return nil }
        var expected: Int64 = 0
        var presentEnd = 0.0
        var start = Double.infinity
        var sawEntries = false
        for index in 0..<Int(context.pointee.nb_streams) {
            guard let stream = stream(at: index) else { continue }
            let timeBase = av_q2d(stream.pointee.time_base)
            let entries = avformat_index_get_entries_count(stream)
            for entryIndex in 0..<entries {
                guard let entry = avformat_index_get_entry(stream, entryIndex) else { continue }
                sawEntries = true
                let end = entry.pointee.pos + Int64(entry.pointee.size)
                expected = max(expected, end)
                let seconds = Double(entry.pointee.timestamp) * timeBase
                start = min(start, seconds)
                if end <= fileSize { presentEnd = max(presentEnd, seconds) }
            }
        }
        guard sawEntries else { return nil }
        return IndexCoverage(presentSeconds: max(0, presentEnd - (start.isFinite ? start : 0)),
                             expectedBytes: expected, actualBytes: fileSize)
    }
}
