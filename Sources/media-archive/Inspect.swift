import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything known about files: format, streams, duration, capture time, camera, GPS, orientation.",
            discussion: "Exit 0, or 2 if any file could not be read."
        )

        @OptionGroup var options: ArchiveOptions

        @Argument(help: "Files or folders to inspect.")
        var paths: [String] = []

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one file or folder to inspect") }
        }

        func run() throws {
            let settings = try options.loadSettings()
            let results = Inspector(checker: SubmissionChecker(policy: settings.policy)).inspect(paths: paths)
            if options.json {
                try JSONOutput.print(results)
            } else {
                print(results.map(InspectText.render).joined(separator: "\n\n"))
            }
            if results.contains(where: { $0.check.verdict == .error }) { throw ExitCode(2) }
        }
    }
}

/// The human form of `inspect`: one labelled block per file.
enum InspectText {
    static func render(_ result: InspectResult) -> String {
        let check = result.check
        var lines: [(String, String)] = []
        lines.append(("kind", [check.kind.rawValue, check.format.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")))
        lines.append(("verdict", ([check.verdict.rawValue] + check.reasons).joined(separator: " — ")))
        if let duration = check.durationSeconds {
            lines.append(("length", "\(DurationText.clock(duration)) (from the \(check.durationSource ?? "container"))"))
        }
        if let video = check.video {
            var parts = [video.codec ?? "?"]
            if let width = video.width, let height = video.height { parts.append("\(width)x\(height)") }
            if let fps = video.fps { parts.append(String(format: "%.3g fps", fps)) }
            if video.rotation != 0 { parts.append("display rotation \(Int(video.rotation))°") }
            lines.append(("video", parts.joined(separator: ", ")))
        } else if let width = result.width, let height = result.height {
            lines.append(("size", "\(width)x\(height)"))
        }
        if let audio = check.audio {
            let parts = [audio.codec, audio.channels.map { "\($0) ch" }, audio.sampleRate.map { "\($0) Hz" }]
            lines.append(("audio", parts.compactMap { $0 }.joined(separator: ", ")))
        }
        lines.append(("captured", result.capturedAt.map { "\($0) (\(result.capturedAtSource))" } ?? "unknown"))
        if let camera = result.camera {
            // Many makers repeat their name in the model ("Canon" + "Canon EOS 5D").
            let make = camera.make.flatMap { make in camera.model?.hasPrefix(make) == true ? nil : make }
            lines.append(("camera", [make, camera.model].compactMap { $0 }.joined(separator: " ")))
        }
        if let gps = result.gps {
            let altitude = gps.altitude.map { String(format: ", %.1f m", $0) } ?? ""
            lines.append(("gps", String(format: "%.6f, %.6f", gps.latitude, gps.longitude) + altitude))
        }
        if let orientation = result.orientation { lines.append(("orientation", "\(orientation)")) }
        if let title = result.title { lines.append(("title", title)) }
        if let description = result.description, description != result.title { lines.append(("description", description)) }
        if let comment = result.comment { lines.append(("comment", comment)) }
        for warning in check.warnings { lines.append(("warning", warning)) }
        if let error = check.error { lines = [("error", error)] }
        let width = lines.map(\.0.count).max() ?? 0
        return ([check.path] + lines.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 })
            .joined(separator: "\n")
    }
}
