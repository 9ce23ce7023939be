import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `<archive>/<county>/marks.jsonl`: one JSON object a line, appended and fsync'd under the
/// county's catalogue lock, never rewritten. A line that cannot be read (a torn last line after
/// a crash) is skipped rather than hiding every other mark.
public struct MarkLog: Sendable {
    public var settings: ArchiveSettings
    /// nil: the county's `marks.jsonl`; else where the marks are kept (PostgreSQL).
    public var storage: (any MarkStorage)?

    public init(settings: ArchiveSettings, storage: (any MarkStorage)? = nil) {
        self.settings = settings
        self.storage = storage
    }

    func file(_ folder: CountyFolder) -> URL { folder.url.appendingPathComponent("marks.jsonl") }

    public func marks(county: County) throws -> CountyMarks {
        if let storage { return try storage.marks(county: county) }
        let url = file(try CountyFolder(root: settings.root, county: county))
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch CocoaError.fileReadNoSuchFile {
            return CountyMarks()
        }
        let decoder = JSONDecoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        return CountyMarks(marks: lines.compactMap { try? decoder.decode(ItemMark.self, from: Data($0)) })
    }

    public func append(_ mark: ItemMark, county: County) throws {
        if let storage { return try storage.appendMark(mark, county: county) }
        let folder = try CountyFolder(root: settings.root, county: county)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(mark)
        line.append(0x0A)
        try CountyLock.withLock(folder.lockFile) {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
            let url = file(folder)
            let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw AtomicFile.posixError("cannot open \(url.path)") }
            defer { close(descriptor) }
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == line.count, fsync(descriptor) == 0 else { throw AtomicFile.posixError("cannot append to \(url.path)") }
        }
    }
}
