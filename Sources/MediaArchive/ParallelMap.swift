import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input. `transform` must own whatever C state
    /// it uses (each call opens its own files). `progress` is called after each element, one
    /// call at a time, with the number done so far.
    func parallelMap<Result: Sendable>(
        progress: (@Sendable (Int) -> Void)? = nil,
        _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = Mutex<[Result?]>(Array<Result?>(repeating: nil, count: count))
        let done = Mutex(0)
        withoutActuallyEscaping(transform) { transform in
            let input = self
            DispatchQueue.concurrentPerform(iterations: count) { index in
                let value = transform(input[index])
                results.withLock { $0[index] = value }
                if let progress {
                    done.withLock { finished in
                        finished += 1
                        progress(finished)
                    }
                }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
