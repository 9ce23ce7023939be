import Dispatch
import Synchronization

/// Runs async work (PostgresNIO, the S3 client) to completion for the synchronous domain code,
/// which calls the seams from the CLI's main thread and from `parallelMap`'s Dispatch threads —
/// never from Swift's cooperative pool, so waiting here cannot starve the work it waits for.
enum Blocking {
    @discardableResult
    static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Mutex<Result<Value, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                let value = try await work()
                outcome.withLock { $0 = .success(value) }
            } catch {
                outcome.withLock { $0 = .failure(error) }
            }
            finished.signal()
        }
        finished.wait()
        return try outcome.withLock { $0! }.get()
    }
}
