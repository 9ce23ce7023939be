public import Foundation
public import MediaFacts

/// `thumbnail PATH… --to DIR`: one upright JPEG per file, named after it.
public struct ThumbnailBatch: Sendable {
    public var maker: ThumbnailMaker

    public init(maker: ThumbnailMaker) {
        self.maker = maker
    }

    public struct Outcome: Sendable, EveryKeyEncodable {
        public var path: String
        /// The JPEG written, or null when none could be made.
        public var thumbnail: String?
        public var width: Int?
        public var height: Int?
        /// Why no thumbnail was made.
        public var error: Message?
    }

    /// Writes `<name>.jpg` into `folder` (created if missing) for every file; a second file
    /// with the same name gets `<name>-2.jpg`, so no thumbnail overwrites another from the batch.
    public func run(paths: [String], to folder: URL) throws -> [Outcome] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files = MediaPaths.expand(paths)
        let targets = Self.uniqueNames(for: files).map { folder.appendingPathComponent($0) }
        let maker = self.maker
        return Array(zip(files, targets)).parallelMap { file, target in
            let thumbnail: ThumbnailMaker.Thumbnail
            do throws(ReadProblem) {
                thumbnail = try maker.thumbnail(path: file)
            } catch {
                return Outcome(path: file, error: Message(error))
            }
            do {
                try AtomicFile.write(thumbnail.jpeg, to: target)
            } catch {
                return Outcome(path: file, error: Ingester.explain(error))
            }
            return Outcome(path: file, thumbnail: target.path, width: thumbnail.width, height: thumbnail.height)
        }
    }

    static func uniqueNames(for files: [String]) -> [String] {
        var used = Set<String>()
        return files.map { file in
            let stem = SafeName.stem(of: file)
            var candidate = stem + ".jpg"
            var counter = 2
            while used.contains(candidate.lowercased()) {
                candidate = "\(stem)-\(counter).jpg"
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}

/// File names that are safe to create anywhere: no folders, no NUL, no leading dot, bounded length.
enum SafeName {
    /// The file's name without folder and extension, made safe.
    static func stem(of path: String) -> String {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var cleaned = String(name.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || scalar == "/" || scalar == "\\" ? "_" : Character(scalar)
        })
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        // 200 bytes leaves room for "-NN.jpg" under the usual 255-byte limit.
        while cleaned.utf8.count > 200 { cleaned.removeLast() }
        return cleaned.isEmpty ? "file" : cleaned
    }
}
