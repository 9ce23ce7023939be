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
            if paths.isEmpty { throw ValidationError(Wording.forReader.noPaths(.inspect)) }
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
        render(result, words: .forReader)
    }

    static func render(_ result: InspectResult, words: Wording) -> String {
        let check = result.check
        var lines: [(Wording.Field, String)] = []
        lines.append((.kind, [words.kind(check.kind), check.format.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")))
        lines.append((.verdict, ([words.verdict(check.verdict)] + check.reasons(in: words.language)).joined(separator: " — ")))
        if let duration = check.durationSeconds {
            lines.append((.length, "\(DurationText.clock(duration)) (\(words.lengthSource(check.durationSource)))"))
        }
        if let video = check.video {
            var parts = [video.codec ?? "?"]
            if let width = video.width, let height = video.height {
                parts.append(words.pictureSize(width: width, height: height, shownWidth: result.displayWidth, shownHeight: result.displayHeight))
            }
            if let fps = video.fps { parts.append(String(format: "%.3g fps", fps)) }
            if video.rotation != 0 { parts.append(words.displayRotation(Int(video.rotation))) }
            lines.append((.video, parts.joined(separator: ", ")))
        } else if let width = result.width, let height = result.height {
            lines.append((.size, words.pictureSize(width: width, height: height,
                                                   shownWidth: result.displayWidth, shownHeight: result.displayHeight)))
        }
        if let audio = check.audio {
            let parts = [audio.codec, audio.channels.map { "\($0) ch" }, audio.sampleRate.map { "\($0) Hz" }]
            lines.append((.audio, parts.compactMap { $0 }.joined(separator: ", ")))
        }
        lines.append((.captured, result.capturedAt.map { "\($0) (\(result.capturedAtSource.rawValue))" } ?? words.unknown))
        if let camera = result.camera {
            // Many makers repeat their name in the model ("Canon" + "Canon EOS 5D").
            let make = camera.make.flatMap { make in camera.model?.hasPrefix(make) == true ? nil : make }
            lines.append((.camera, [make, camera.model].compactMap { $0 }.joined(separator: " ")))
        }
        if let gps = result.gps {
            let altitude = gps.altitude.map { String(format: ", %.1f m", $0) } ?? ""
            lines.append((.gps, String(format: "%.6f, %.6f", gps.latitude, gps.longitude) + altitude))
        }
        if let orientation = result.orientation { lines.append((.orientation, "\(orientation)")) }
        if let title = result.title { lines.append((.title, title)) }
        if let description = result.description, description != result.title { lines.append((.description, description)) }
        if let comment = result.comment { lines.append((.comment, comment)) }
        for warning in check.warnings(in: words.language) { lines.append((.warning, warning)) }
        if let error = check.error(in: words.language) { lines = [(.error, error)] }
        return LabelledLines.render(title: check.path, lines.map { (words.field($0.0), $0.1) })
    }
}
