extension CheckResult {
    /// The result as the sender knows the file: `path` and every sentence say `name`, never
    /// where the bytes lie on this machine (an upload's temporary path means nothing to its sender
    /// and should not be told to them, or written into the catalogue). The sentences stay
    /// messages, so they can still be shown in either language.
    public func renamed(from path: String, to name: String) -> CheckResult {
        guard path != name else { return self }
        var renamed = self
        renamed.path = name
        renamed.reasonMessages = reasonMessages.map { $0.replacing(path, with: name) }
        renamed.warningMessages = warningMessages.map { $0.replacing(path, with: name) }
        renamed.errorMessage = errorMessage?.replacing(path, with: name)
        return renamed
    }
}
