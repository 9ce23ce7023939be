extension Message {
    /// The same message with `text` replaced by `replacement` in every piece of outside text it
    /// carries (a library's detail, a system error, a file name), e.g. an upload's server path
    /// by the sender's file name. The sentence itself stays a message, so it can still be shown
    /// in either language.
    public func replacing(_ text: String, with replacement: String) -> Message {
        let swap: (String) -> String = { $0.replacingOccurrences(of: text, with: replacement) }
        switch self {
        case .cannotRead(.notReadableMedia(let detail)): return .cannotRead(.notReadableMedia(detail: swap(detail)))
        case .cannotRead(.unreadable(let detail)): return .cannotRead(.unreadable(detail: swap(detail)))
        case .cannotRead(.photoRefused(let refusal, let english)): return .cannotRead(.photoRefused(refusal, english: swap(english)))
        case .cannotRead(.other(let sentence)): return .cannotRead(.other(swap(sentence)))
        case .photoUnreadable(let problem): return .photoUnreadable(problem: problem.replacing(text, with: replacement))
        case .damaged(let after, let detail): return .damaged(afterSeconds: after, detail: swap(detail))
        case .photoMetadataUnreadable(let detail): return .photoMetadataUnreadable(detail: swap(detail))
        case .duplicateOf(let name): return .duplicateOf(originalName: swap(name))
        case .exportTargetUnreadable(let problem): return .exportTargetUnreadable(problem: problem.replacing(text, with: replacement))
        case .exportTargetNotEmpty(let count, let examples): return .exportTargetNotEmpty(itemCount: count, examples: examples.map(swap))
        case .folderCannotBeCreated(let problem): return .folderCannotBeCreated(problem: problem.replacing(text, with: replacement))
        case .exportIncomplete(let problem): return .exportIncomplete(problem: problem.replacing(text, with: replacement))
        case .manifestNotWritten(let problem): return .manifestNotWritten(problem: problem.replacing(text, with: replacement))
        case .notStored(let problem): return .notStored(problem: problem.replacing(text, with: replacement))
        case .systemError(let code, let detail): return .systemError(errno: code, detail: swap(detail))
        case .untranslated(let sentence): return .untranslated(swap(sentence))
        case .worded(let english, let chinese): return .worded(english: swap(english), chinese: swap(chinese))
        // The archive's own errors name archive paths, not the sender's file; the other cases
        // carry no outside text.
        default: return self
        }
    }
}
