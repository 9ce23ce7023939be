/// What the command line says when it was called wrongly, for the mistakes clerks make
/// (no files given, a date written another way). Rarer flag errors stay in argument-parser's English.
extension Wording {
    public enum PathsPurpose: Sendable {
        case check, ingest, inspect, thumbnail
    }

    public func noPaths(_ purpose: PathsPurpose) -> String {
        switch purpose {
        case .check: say("give at least one file or folder to check", "请至少给出一个要检查的文件或文件夹")
        case .ingest: say("give at least one file or folder to ingest", "请至少给出一个要入库的文件或文件夹")
        case .inspect: say("give at least one file or folder to inspect", "请至少给出一个要查看的文件或文件夹")
        case .thumbnail: say("give at least one file or folder", "请至少给出一个文件或文件夹")
        }
    }

    public func badDate(flag: String, given: String) -> String {
        say("\(flag) takes a date written YYYY-MM-DD, e.g. 2021-05-22 (got \"\(given)\")",
            "\(flag) 需要 YYYY-MM-DD 格式的日期，例如 2021-05-22（收到的是“\(given)”）")
    }

    public func fromAfterUntil(_ first: CalendarDay, _ last: CalendarDay) -> String {
        say("--from \(first) is after --until \(last)", "--from \(first) 晚于 --until \(last)")
    }

    /// A heading over a list, with how many it holds: "thumbnails remade (3):".
    public func counted(_ heading: String, _ count: Int) -> String {
        say("\(heading) (\(count)):", "\(heading)（\(count)）：")
    }
}
