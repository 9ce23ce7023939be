import Hummingbird
import NIOPosix

/// Catalogue and token files are read with blocking calls, so that work runs on NIO's thread
/// pool, never on an event loop; a failure becomes a 500 saying what could not be done.
enum BlockingWork {
    static func run<Value: Sendable>(failing message: String, _ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        do {
            return try await NIOThreadPool.singleton.runIfActive(work)
        } catch {
            throw ServerError(status: .internalServerError, message: "\(message): \(error)")
        }
    }
}
