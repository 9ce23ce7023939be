import Testing
import TestSupport
@testable import MediaProbe

/// Kind, duration and duration source for every fixture in Tests/Fixtures/media, as a player
/// would show it (the values come from ffprobe's packet timestamps; see Tests/Fixtures/README.md).
struct MediaProberTests {
    let prober = MediaProber()
    static let limit = 180.5

    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var kind: ProbeReport.ContentKind
        var seconds: Double?
        var source: ProbeReport.DurationSource?
        var testDescription: String { file }
    }

    static let playable: [Expectation] = [
        .init(file: "clip-179.9s.mp4", kind: .video, seconds: 179.9, source: .container),
        .init(file: "clip-180.0s.mp4", kind: .video, seconds: 180.0, source: .container),
        // Over 3:00 but within the tolerance: passes on the header alone.
        .init(file: "clip-180.3s.mp4", kind: .video, seconds: 180.3, source: .container),
        // Over the limit as stated, so confirmed from the packets before it can fail.
        .init(file: "clip-181s.mp4", kind: .video, seconds: 181.0, source: .packets),
        // Written to a pipe: no duration in the header at all.
        .init(file: "pipe.webm", kind: .video, seconds: 5.02, source: .packets),
        .init(file: "pipe.mkv", kind: .video, seconds: 5.03, source: .packets),
        // Starts at 20001 s on the broadcast clock; plays 4 s. MPEG-TS states no length (FFmpeg
        // guesses one from timestamps near each end), so it is measured from the packets.
        .init(file: "offset.ts", kind: .video, seconds: 4.03, source: .packets),
        // 3 s of picture, 6 s of sound: a player shows 6 s.
        .init(file: "audio-longer.mp4", kind: .video, seconds: 6.0, source: .container),
        .init(file: "phone-rotated.mp4", kind: .video, seconds: 3.0, source: .container),
        .init(file: "hevc.mov", kind: .video, seconds: 2.0, source: .container),
        .init(file: "sample.avi", kind: .video, seconds: 2.06, source: .container),
        .init(file: "sample.3gp", kind: .video, seconds: 2.0, source: .container),
        .init(file: "sample.flv", kind: .video, seconds: 2.05, source: .container),
        .init(file: "县 科技周 开幕式.mp4", kind: .video, seconds: 2.0, source: .container),
        .init(file: "audio-only.mp4", kind: .audio, seconds: 5.0, source: .container),
        // JPEGs: detected by content whatever the name says; no length.
        .init(file: "photo.jpg", kind: .image, seconds: nil, source: nil),
        .init(file: "photo-named-video.mp4", kind: .image, seconds: nil, source: nil),
    ]

    @Test(arguments: playable)
    func measuresWhatAPlayerShows(_ expected: Expectation) throws {
        let report = try prober.probe(path: Fixtures.media(expected.file), confirmDurationsAbove: Self.limit)
        #expect(report.kind == expected.kind)
        #expect(report.durationSource == expected.source)
        if let seconds = expected.seconds {
            let measured = try #require(report.durationSeconds)
            #expect(abs(measured - seconds) <= 0.1, "measured \(measured) s, expected \(seconds) s")
        } else {
            #expect(report.durationSeconds == nil)
        }
        #expect(report.cutOff == nil)
    }

    @Test func packetScanIgnoresEncoderPriming() throws {
        // The AAC priming packet starts before zero and is flagged discard; counting it would
        // add 0.021 s to every camera file.
        let file = try MediaFile(path: Fixtures.media("clip-180.0s.mp4"))
        let scan = try file.scanPackets()
        let seconds = try #require(scan.durationSeconds)
        #expect(abs(seconds - 180.0) < 0.005)
        #expect(scan.stoppedEarly == nil)
        #expect(scan.packetCount > 1800)
    }

    @Test func reportsStreamDetails() throws {
        let report = try prober.probe(path: Fixtures.media("phone-rotated.mp4"))
        let video = try #require(report.videoStream)
        #expect(video.codec == "h264")
        #expect(video.width == 96 && video.height == 54)
        #expect(video.rotation == -90)
        #expect(abs((video.framesPerSecond ?? 0) - 10) < 0.01)
        let audio = try #require(report.audioStream)
        #expect(audio.codec == "aac")
        #expect(audio.channels == 1)
        #expect((audio.sampleRate ?? 0) > 0)
    }

    @Test func indexFirstFileCutInHalfIsCutOff() throws {
        // Opens fine and states 10 s, but its sample table points past the end of the file.
        let report = try prober.probe(path: Fixtures.media("faststart-cut.mp4"), confirmDurationsAbove: Self.limit)
        let cut = try #require(report.cutOff)
        #expect(cut.isCutOff)
        #expect(cut.expectedBytes > cut.actualBytes)
        #expect(cut.presentSeconds > 3 && cut.presentSeconds < 5)
        #expect(report.statedDurationSeconds == 10)
    }

    @Test func wholeFileIsNotCutOff() throws {
        let file = try MediaFile(path: Fixtures.media("clip-179.9s.mp4"))
        let coverage = try #require(file.indexCoverage())
        #expect(!coverage.isCutOff)
    }

    @Test(arguments: ["empty.mp4", "truncated.mp4", "random.mp4", "text.mp4", "summary.pdf", "does-not-exist.mp4"])
    func unreadableFilesThrowFFmpegErrors(_ name: String) {
        #expect(throws: FFmpegError.self) {
            _ = try prober.probe(path: Fixtures.media(name))
        }
    }

    @Test func missingFileSaysSo() {
        do {
            _ = try prober.probe(path: Fixtures.media("does-not-exist.mp4"))
            Issue.record("a missing file opened")
        } catch FFmpegError.noSuchFile {
            // expected
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aFileWithoutMoovSaysInvalidData() {
        #expect(throws: FFmpegError.invalidData) {
            _ = try prober.probe(path: Fixtures.media("truncated.mp4"))
        }
    }

    @Test func aStuckReadIsAbandonedAtTheDeadline() throws {
        // A deadline that has already passed makes FFmpeg give up at its first check.
        var limits = OpenLimits.standard
        limits.openTimeoutSeconds = 0
        #expect(throws: FFmpegError.interrupted) {
            _ = try MediaProber(limits: limits).probe(path: Fixtures.media("pipe.webm"))
        }
    }
}
