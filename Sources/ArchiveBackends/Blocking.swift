import Dispatch
import Synchronization

/// Runs async work (PostgresNIO, the S3 client) to completion for the synchronous domain code.
///
/// The callers may themselves be on Swift's cooperative pool (the CLI's `run()` under an async
/// `main`, Swift Testing's tests): waiting there for work that also needs that pool — two
/// threads on this machine — deadlocks. So the work runs with a task executor of its own, on
/// Dispatch threads outside the pool, and waiting for it starves nothing.
enum Blocking {
    @discardableResult
    static func run<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
        let outcome = Mutex<Result<Value, any Error>?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: BackendExecutor.shared) {
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

/// A task executor over a concurrent Dispatch queue: the backends' tasks (and their child tasks,
/// which inherit the preference) run there, never on the cooperative pool.
final class BackendExecutor: TaskExecutor {
    static let shared = BackendExecutor()
    private let queue = DispatchQueue(label: "media-archive.backends", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
