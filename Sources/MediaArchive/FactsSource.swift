import Foundation
public import MediaFacts

/// Where the facts about a file and its thumbnail come from. The command line reads files in its
/// own process (`InProcessFacts`); the server hands uploads — bytes from anyone — to worker
/// processes (`FactsWorkers.WorkerPool`), so a decoder that crashes or hangs on one costs that
/// file only. The domain judges the facts the same way whichever source read them.
public protocol FactsSource: Sendable {
    /// The facts `reader` would read. Throws only when the file could not be read safely at all
    /// (the reading process crashed, ran out of its limits or hung); a bad file is its facts' `problem`.
    func facts(path: String, depth: FactsReader.Depth, reader: FactsReader) throws(UnsafeFile) -> FileFacts

    /// The thumbnail `maker` would make. Throws `ReadProblem` for a file that gives none and
    /// `UnsafeFile` when it could not be made safely.
    func thumbnail(path: String, maker: ThumbnailMaker) throws -> ThumbnailMaker.Thumbnail
}

/// Reading the file stopped the process that read it (a crash, a signal, its memory or CPU
/// limit, its deadline, or an answer that made no sense). `detail` is for the server's log.
public struct UnsafeFile: Error, Sendable, CustomStringConvertible {
    public var detail: String

    public init(detail: String) {
        self.detail = detail
    }

    public var description: String { "the file could not be checked safely: \(detail)" }
}

/// Reads in the calling process, as the command line always has.
public struct InProcessFacts: FactsSource {
    public init() {}

    public func facts(path: String, depth: FactsReader.Depth, reader: FactsReader) throws(UnsafeFile) -> FileFacts {
        reader.read(path: path, depth: depth)
    }

    public func thumbnail(path: String, maker: ThumbnailMaker) throws -> ThumbnailMaker.Thumbnail {
        try maker.thumbnail(path: path)
    }
}
