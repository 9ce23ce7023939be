import Foundation
import Testing
import TestSupport
@testable import MediaProbe

/// Skipping libavformat's stream analysis for MP4/MOV must not change what is reported:
/// every MP4/MOV fixture and corpus file reads the same with and without it.
struct AnalysisShortcutTests {
    static func isoMediaFiles() -> [String] {
        var folders = [Fixtures.folder.appendingPathComponent("media"), Fixtures.folder.appendingPathComponent("orientation")]
        if let corpus = Fixtures.corpus { folders.append(corpus.appendingPathComponent("videos")) }
        return folders.flatMap { folder in
            (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
                .filter { ["mp4", "mov", "3gp"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                .map { folder.appendingPathComponent($0).path }
        }.sorted()
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
            for (mine, theirs) in zip(quickStreams, fullStreams) {
                #expect(abs((mine.framesPerSecond ?? 0) - (theirs.framesPerSecond ?? 0)) < 0.01, "\(path): fps")
            }
            let quickLength = quick.statedDuration?.seconds ?? -1, fullLength = analysed.statedDuration?.seconds ?? -1
            #expect(abs(quickLength - fullLength) <= 0.1, "\(path): \(quickLength) s vs \(fullLength) s")
        }
        #expect(shortcuts >= 15)
    }
}
