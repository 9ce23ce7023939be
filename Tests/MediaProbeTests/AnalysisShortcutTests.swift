import Foundation
import Testing
import TestSupport
@testable import MediaProbe
import CFFmpeg

/// Skipping libavformat's stream analysis for MP4/MOV and Matroska must not change what is reported:
/// every MP4/MOV/Matroska fixture and corpus file reads the same with and without it
/// (Matroska frame rates, estimated from the first packets, within 1%).
struct AnalysisShortcutTests {
    static func isoMediaFiles() -> [String] {
        var folders = [Fixtures.folder.appendingPathComponent("media"), Fixtures.folder.appendingPathComponent("orientation")]
        if let corpus = Fixtures.corpus { folders.append(corpus.appendingPathComponent("videos")) }
        return folders.flatMap { folder in
            (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
                .filter { ["mp4", "mov", "3gp", "mkv", "webm"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                .map { folder.appendingPathComponent($0).path }
        }.sorted()
    }

    /// Frames per second from every packet of one stream: (count − 1) / (last − first time).
    static func frameRateOverWholeFile(_ path: String, stream index: Int) throws -> Double? {
        let file = try MediaFile(path: path, analysis: .always)
        guard let stream = file.stream(at: index) else { return nil }
        let timeBase = Double(stream.pointee.time_base.num) / Double(stream.pointee.time_base.den)
        let packet = try Packet()
        var times: [Int64] = []
        while try file.readPacket(into: packet) {
            if Int(packet.pointer.pointee.stream_index) == index, packet.pointer.pointee.pts != Int64.min {
                times.append(packet.pointer.pointee.pts)
            }
            av_packet_unref(packet.pointer)
        }
        guard times.count >= 2, let first = times.min(), let last = times.max(), last > first else { return nil }
        return Double(times.count - 1) / (Double(last - first) * timeBase)
    }

    @Test func theShortcutReportsWhatTheFullAnalysisReports() throws {
        var shortcuts = 0
        for path in Self.isoMediaFiles() {
            guard let analysed = try? MediaFile(path: path, analysis: .always) else { continue }
            let quick = try MediaFile(path: path)
            if quick.analysisSkipped { shortcuts += 1 }
            #expect(quick.formatName == analysed.formatName, "\(path)")
            let quickStreams = quick.streams.filter(\.isPlayable), fullStreams = analysed.streams.filter(\.isPlayable)
            #expect(quickStreams.map(\.codec) == fullStreams.map(\.codec), "\(path)")
            #expect(quickStreams.map(\.width) == fullStreams.map(\.width), "\(path)")
            #expect(quickStreams.map(\.height) == fullStreams.map(\.height), "\(path)")
            #expect(quickStreams.map(\.rotation) == fullStreams.map(\.rotation), "\(path)")
            #expect(quickStreams.map(\.sampleRate) == fullStreams.map(\.sampleRate), "\(path)")
            #expect(quickStreams.map(\.channels) == fullStreams.map(\.channels), "\(path)")
            if quick.formatName == "matroska,webm" {
                // FFmpeg's analysis often leaves Matroska without a frame rate (it then reports the
                // 1 ms time base as "1000 fps"); the truth is the frame count over the whole file.
                for (stream, analysed) in zip(quickStreams, fullStreams) where stream.type == .video {
                    let mine = stream.framesPerSecond ?? 0
                    // Where the demuxer states a rate, both ways report it.
                    if let stated = analysed.framesPerSecond, abs(mine - stated) < 0.01 { continue }
                    guard let truth = try Self.frameRateOverWholeFile(path, stream: stream.index) else { continue }
                    #expect(abs(mine - truth) <= truth * 0.02, "\(path): fps \(mine) vs \(truth)")
                }
            } else {
                for (mine, theirs) in zip(quickStreams, fullStreams) {
                    #expect(abs((mine.framesPerSecond ?? 0) - (theirs.framesPerSecond ?? 0)) < 0.01, "\(path): fps")
                }
            }
            let quickLength = quick.statedDuration?.seconds ?? -1, fullLength = analysed.statedDuration?.seconds ?? -1
            #expect(abs(quickLength - fullLength) <= 0.1, "\(path): \(quickLength) s vs \(fullLength) s")
        }
        #expect(shortcuts >= 15)
    }
}
