/// Checks many files on all cores; one bad file never stops the others.
public struct CheckBatch: Sendable {
    public var checker: SubmissionChecker

    public init(checker: SubmissionChecker) {
        self.checker = checker
    }

    /// Results in the order of `paths` (folders expanded).
    public func run(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> [CheckResult] {
        let files = MediaPaths.expand(paths)
        let total = files.count
        let checker = self.checker
        var perFile: (@Sendable (Int) -> Void)? = nil
        if let progress {
            perFile = { done in progress(done, total) }
        }
        return files.parallelMap(progress: perFile) { path in checker.check(path: path) }
    }
}

/// The process exit status for a set of verdicts: 2 if any file could not be read (it wins),
/// else 1 if any failed, else 0.
public enum ExitStatus {
    public static func forVerdicts(_ verdicts: [Verdict]) -> Int32 {
        if verdicts.contains(.error) { return 2 }
        if verdicts.contains(.fail) { return 1 }
        return 0
    }
}
