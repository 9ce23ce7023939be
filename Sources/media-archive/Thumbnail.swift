import ArgumentParser
import Foundation
import MediaArchive
import MediaFacts

extension MediaArchiveCommand {
    struct Thumbnail: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upright JPEG thumbnails, written as <name>.jpg into a folder.",
            discussion: "Videos: a frame about 10% in (skipping black ones), turned as the phone held it. Photos: turned by their EXIF orientation. Exit 0, or 2 if any file gave no thumbnail."
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .customLong("to"), help: "Folder to write the thumbnails into (created if missing).")
        var destination: String

        @Option(help: "Long edge in pixels (smaller pictures are not enlarged).")
        var size = 320

        @Argument(help: "Files or folders.")
        var paths: [String] = []

        func validate() throws {
            if paths.isEmpty { throw ValidationError(Wording.forReader.noPaths(.thumbnail)) }
            if !(16...4096).contains(size) { throw ValidationError("--size must be between 16 and 4096 pixels") }
        }

        func run() throws {
            let batch = ThumbnailBatch(maker: ThumbnailMaker(longEdge: size))
            let outcomes: [ThumbnailBatch.Outcome]
            do {
                outcomes = try batch.run(paths: paths, to: URL(fileURLWithPath: destination, isDirectory: true))
            } catch {
                Terminal.standardError.error(Wording.forReader.thumbnailFolderUnusable(destination, detail: error.localizedDescription))
                throw ExitCode(2)
            }
            if options.json {
                try JSONOutput.print(outcomes)
            } else {
                let rows = outcomes.map { outcome in
                    [outcome.path,
                     outcome.thumbnail.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "—",
                     outcome.width.map { "\($0)x\(outcome.height ?? 0)" } ?? "",
                     outcome.error?.text(in: .ofReader) ?? ""]
                }
                print(TextTable(header: Wording.forReader.thumbnailHeader, rows: rows).render())
            }
            if outcomes.contains(where: { $0.error != nil }) { throw ExitCode(2) }
        }
    }
}
