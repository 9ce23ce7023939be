import Foundation
import Testing
import TestSupport
@testable import MediaProbe

/// MediaProbe against ffprobe 5.1 over the real files in ../shared/corpus/videos
/// (oracle/videos-ffprobe.json). ffprobe's `packetDuration` is the truth: where a header
/// disagrees with the packets, the packets are right.
@Suite(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingNote)"))
struct CorpusAgreementTests {
    struct OracleEntry: Decodable {
        struct Stream: Decodable {
            var codec_type: String?
            var codec_name: String?
            var width: Int?
            var height: Int?
            var rotation: Double?
        }
        var file: String
        var format: String?
        var headerDuration: Double?
        var packetDuration: Double?
        var streams: [Stream]?
    }

    /// Files where we knowingly report something other than ffprobe's packet span, and why.
    static let acceptedDurationDifferences: [String: String] = [
        // Its three data tracks (Dolby Vision metadata) run to 0.21 s; the picture and sound
        // both end at 0.107 s, which is what a player shows and what the header says.
        "videos/exoplayer/mp4/dolbyVision-hdr.MOV": "data tracks outlast the picture and sound",
        // An SCTE-35 ad cue (a data stream) at 0.70 s comes 0.72 s before the first picture and
        // sound; we measure what is seen and heard (0.11 s), ffprobe's span starts at the cue.
        "videos/exoplayer/ts/sample_scte35.ts": "a data cue precedes the picture and sound",
    ]

    /// The oracle keeps only the first side-data item of a stream; these files carry another one
    /// (DOVI configuration, colour info) before the display matrix, which `ffprobe -show_streams`
    /// reports as rotation -90, as we do.
    static let rotationMissingFromOracle: Set<String> = [
        "videos/exoplayer/mp4/dolbyVision-hdr.MOV",
        "videos/exoplayer/mp4/sample_with_color_info.mp4",
    ]

    static func oracle() throws -> [OracleEntry] {
        guard let corpus = Fixtures.corpus else { return [] }
        let data = try Data(contentsOf: corpus.appendingPathComponent("oracle/videos-ffprobe.json"))
        return try JSONDecoder().decode([OracleEntry].self, from: data)
    }

    @Test func durationsAgreeWithFFprobePackets() throws {
        let prober = MediaProber()
        var compared = 0
        for entry in try Self.oracle() {
            guard let expected = entry.packetDuration, entry.format != nil else { continue }
            let path = Fixtures.corpus!.appendingPathComponent(entry.file).path
            let report = try prober.probe(path: path, confirmDurationsAbove: 180.5)
            guard report.kind == .video || report.kind == .audio else { continue }
            let measured = try #require(report.durationSeconds, "\(entry.file): no duration")
            if Self.acceptedDurationDifferences[entry.file] != nil { continue }
            #expect(abs(measured - expected) <= 0.1, "\(entry.file): measured \(measured) s, ffprobe's packets say \(expected) s")
            compared += 1
        }
        #expect(compared >= 50)
    }

    @Test func streamsAgreeWithFFprobe() throws {
        let prober = MediaProber()
        for entry in try Self.oracle() {
            guard let format = entry.format, let streams = entry.streams else { continue }
            let path = Fixtures.corpus!.appendingPathComponent(entry.file).path
            let report = try prober.probe(path: path)
            #expect(report.formatName == format, "\(entry.file)")
            let ours = report.streams.filter { $0.type == .video || $0.type == .audio }
            let theirs = streams.filter { $0.codec_type == "video" || $0.codec_type == "audio" }
            #expect(ours.count == theirs.count, "\(entry.file): stream count")
            for (mine, reference) in zip(ours, theirs) {
                #expect(mine.type.rawValue == reference.codec_type, "\(entry.file)")
                if let codec = reference.codec_name { #expect(mine.codec == codec, "\(entry.file)") }
                if let width = reference.width, width > 0 { #expect(mine.width == width, "\(entry.file)") }
                if let height = reference.height, height > 0 { #expect(mine.height == height, "\(entry.file)") }
                if !Self.rotationMissingFromOracle.contains(entry.file) {
                    #expect(mine.rotation == (reference.rotation ?? 0), "\(entry.file): rotation")
                }
            }
        }
    }

    @Test func fragmentedMP4WithUnknownDurationIsMeasuredFromPackets() throws {
        // Its duration fields mean "unknown" and read as 39 hours; it plays about a second.
        let path = Fixtures.corpus!.appendingPathComponent("videos/exoplayer/mp4/sample_fragmented.mp4").path
        let report = try MediaProber().probe(path: path, confirmDurationsAbove: 180.5)
        #expect((report.statedDurationSeconds ?? 0) > 100_000)
        #expect(report.durationSource == .packets)
        #expect(abs((report.durationSeconds ?? 0) - 1.068) < 0.1)
    }
}

/// Every corpus file that ffprobe reads as having a picture gives a thumbnail of the shape
/// ffprobe's display size implies (turned by the display matrix, pixel aspect applied).
@Suite(.enabled(if: Fixtures.corpus != nil, "\(Fixtures.corpusMissingNote)"))
struct CorpusThumbnailTests {
    /// Encrypted samples and a deliberately broken bitstream, which ffmpeg cannot decode either.
    static let undecodable: Set<String> = [
        "videos/exoplayer/mkv/subsample_encrypted_altref.webm",
        "videos/exoplayer/mkv/subsample_encrypted_noaltref.webm",
        "videos/exoplayer/vp9/invalid-bitstream.webm",
        "videos/exoplayer/ts/sample_with_sdt.ts",
    ]

    @Test func everyVideoGivesAThumbnail() throws {
        var made = 0
        for entry in try CorpusAgreementTests.oracle() where entry.format != nil {
            guard Self.undecodable.contains(entry.file) == false,
                  let video = entry.streams?.first(where: { $0.codec_type == "video" }),
                  let width = video.width, let height = video.height, width > 0, height > 0 else { continue }
            let path = Fixtures.corpus!.appendingPathComponent(entry.file).path
            let picture: Thumbnailer.Picture
            do {
                picture = try Thumbnailer().picture(path: path)
            } catch {
                Issue.record("\(entry.file): \(error)")
                continue
            }
            let rotation = CorpusAgreementTests.rotationMissingFromOracle.contains(entry.file) ? -90 : video.rotation ?? 0
            let turned = abs(rotation).truncatingRemainder(dividingBy: 180) == 90
            let portrait = turned ? width > height : height > width
            #expect((picture.image.height > picture.image.width) == portrait, "\(entry.file)")
            made += 1
        }
        #expect(made >= 50)
    }
}
