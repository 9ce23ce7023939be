import MediaFacts

/// What the server asks a worker to do with one file. Everything the worker needs travels in the
/// request (the reader carries the policy's zone and the length above which durations are
/// confirmed), so a worker holds no state between files.
enum WorkerRequest: Codable, Sendable {
    case facts(path: String, depth: FactsReader.Depth, reader: FactsReader)
    case thumbnail(path: String, maker: ThumbnailMaker)

    var path: String {
        switch self {
        case .facts(let path, _, _), .thumbnail(let path, _): path
        }
    }
}

/// A worker's answer to one request.
enum WorkerAnswer: Codable, Sendable {
    case facts(FileFacts)
    case thumbnail(ThumbnailMaker.Thumbnail)
    /// No thumbnail: why, as `ThumbnailMaker` says it.
    case noThumbnail(ReadProblem)
}

/// The answer, and whether the worker ends after it (its lifetime CPU allowance is nearly spent),
/// so the pool starts a fresh one without counting a restart.
struct WorkerReply: Codable, Sendable {
    var answer: WorkerAnswer
    var retiring: Bool
}
