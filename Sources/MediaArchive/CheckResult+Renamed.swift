extension CheckResult {
    /// The result as the sender knows the file: `path` and every sentence say `name`, never
    /// where the bytes lie on this machine (an upload's temporary path means nothing to its sender
    /// and should not be told to them, or written into the catalogue).
    public func renamed(from path: String, to name: String) -> CheckResult {
        guard path != name else { return self }
        var renamed = self
        let replace: (String) -> String = { $0.replacingOccurrences(of: path, with: name) }
        renamed.path = name
        renamed.reasons = reasons.map(replace)
        renamed.warnings = warnings.map(replace)
        renamed.error = error.map(replace)
        return renamed
    }
}
