import MediaArchive

/// The human form of `check`: one line per file, then a count.
struct CheckTable {
    var results: [CheckResult]
    var policy: SubmissionPolicy
    var colours: Bool

    func render() -> String {
        let rows = results.map { result -> [String] in
            [
                result.path,
                result.durationSeconds.map(DurationText.clock) ?? "—",
                videoColumn(result),
                label(result.verdict),
                reasonColumn(result),
            ]
        }
        var table = TextTable(header: ["FILE", "LENGTH", "VIDEO", "VERDICT", "REASON"], rows: rows)
        table.maxCellWidth = 60
        if colours {
            table.decorate = { row, column, cell in
                column == 3 ? colour(for: results[row].verdict) + cell + "\u{1B}[0m" : cell
            }
        }
        return table.render() + "\n\n" + summary()
    }

    private func videoColumn(_ result: CheckResult) -> String {
        if let video = result.video {
            let size = video.width.flatMap { width in video.height.map { "\(width)x\($0)" } }
            return [video.codec, size].compactMap { $0 }.joined(separator: " ")
        }
        return result.kind == .unknown ? "—" : result.kind.rawValue
    }

    private func reasonColumn(_ result: CheckResult) -> String {
        if !result.reasons.isEmpty { return result.reasons.joined(separator: "; ") }
        if !result.warnings.isEmpty { return "warning: " + result.warnings.joined(separator: "; ") }
        if result.kind == .video, let duration = result.durationSeconds {
            return "\(DurationText.clock(duration)) — within the \(DurationText.limit(policy.maxVideoSeconds)) limit"
        }
        return ""
    }

    private func label(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "OK"
        case .fail: "FAIL"
        case .error: "UNREADABLE"
        }
    }

    private func colour(for verdict: Verdict) -> String {
        switch verdict {
        case .pass: "\u{1B}[32m"
        case .fail: "\u{1B}[31m"
        case .error: "\u{1B}[33m"
        }
    }

    private func summary() -> String {
        let count = { (verdict: Verdict) in results.filter { $0.verdict == verdict }.count }
        let files = results.count == 1 ? "1 file" : "\(results.count) files"
        return "\(files): \(count(.pass)) OK, \(count(.fail)) failed, \(count(.error)) unreadable"
    }
}
