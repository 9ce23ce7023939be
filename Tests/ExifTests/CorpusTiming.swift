import Foundation
import Testing

@testable import Exif

/// Not part of the normal test run: a stopwatch over every photo in the shared corpus,
/// to compare with `time exiftool -j -r ../shared/corpus/photos > /dev/null`.
/// Run with `EXIF_TIMING=1 swift test -c release --filter CorpusTiming`;
/// add `EXIF_DUMP=1` to print what was read from each file, `EXIF_TIMING_ROOT=stubs` for another folder.
@Suite("Corpus timing (opt-in)")
struct CorpusTiming {
    @Test(
        "read every corpus photo in one process",
        .enabled(if: ProcessInfo.processInfo.environment["EXIF_TIMING"] != nil && Fixtures.hasCorpus)
    )
    func readAll() throws {
        // EXIF_TIMING_ROOT picks another corpus folder, e.g. "stubs" or "videos" for a crash sweep.
        let root = Fixtures.corpus.appendingPathComponent(ProcessInfo.processInfo.environment["EXIF_TIMING_ROOT"] ?? "photos")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        var paths: [String] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            paths.append(url.path)
        }
        paths.sort()
        let dump = ProcessInfo.processInfo.environment["EXIF_DUMP"] != nil
        var read = 0
        var failed = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for path in paths {
                do {
                    let metadata = try PhotoMetadataReader.read(contentsOf: path)
                    read += 1
                    if dump { print(path.replacingOccurrences(of: root.path, with: ""), metadata) }
                } catch {
                    failed += 1
                    if dump { print(path.replacingOccurrences(of: root.path, with: ""), "ERROR", error) }
                }
            }
        }
        print("corpus timing: \(paths.count) files (\(read) read, \(failed) not photos or unreadable) in \(elapsed)")
        #expect(read + failed == paths.count)
    }
}
