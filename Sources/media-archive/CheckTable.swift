import MediaArchive

/// The human form of `check`: one line per file, then a count.
struct CheckTable {
    var results: [CheckResult]
    var policy: SubmissionPolicy
    var colours: Bool
    var words = Wording.forReader

    func render() -> String {
        let rows = results.map { result -> [String] in
            [
                result.path,
                result.durationSeconds.map(DurationText.clock) ?? "—",
                videoColumn(result),
                words.verdictLabel(result.verdict),
                reasonColumn(result),
            ]
        }
        var table = TextTable(header: words.checkHeader, rows: rows)
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
        return result.kind == .unknown ? "—" : words.kind(result.kind)
    }

    private func reasonColumn(_ result: CheckResult) -> String {
        if !result.reasonMessages.isEmpty { return result.reasons(in: words.language).joined(separator: words.separator) }
        if !result.warningMessages.isEmpty {
            return words.warningPrefix + result.warnings(in: words.language).joined(separator: words.separator)
        }
        if result.kind == .video, let duration = result.durationSeconds {
            return words.withinLimit(durationSeconds: duration, limitSeconds: policy.maxVideoSeconds)
        }
        return ""
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
        return words.checkSummary(files: results.count, passed: count(.pass), failed: count(.fail), unreadable: count(.error))
    }
}
