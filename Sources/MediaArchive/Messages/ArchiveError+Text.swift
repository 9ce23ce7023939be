extension ArchiveError {
    /// What is wrong with the archive and what to do, in `language`. The paths and the JSON
    /// decoder's details stay as they are: they name things to look up, not words to read.
    public func text(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .unreadableConfiguration(let path, let reason):
            return zh ? "\(path)：\(reason)；请修正该文件，或删除它以使用内置默认值"
                : "\(path): \(reason); fix the file, or remove it to use the built-in defaults"
        case .unknownCounty(let given, let known):
            if zh {
                // Clerks know the counties by their Chinese names; the slug and code are what they can type instead.
                let list = known.map { "\($0.name)（\([$0.slug, $0.code].compactMap { $0 }.joined(separator: "，"))）" }
                return "没有这个县区：“\(given)”；请使用下列县区的中文名称、拼音代号或区划代码：\(list.joined(separator: "、"))"
            }
            let list = known.map { "\($0.slug) (\($0.name))" }
            return "unknown county \"\(given)\"; use a slug, Chinese name or code from: \(list.joined(separator: ", "))"
        case .unsafeName(let name):
            let shown = name.replacingOccurrences(of: "\0", with: "\\0")
            return zh ? "拒绝使用名称“\(shown)”：它可能指向档案以外的位置"
                : "refusing the name \"\(shown)\": it could point outside the archive"
        case .badPrefix(let prefix):
            return zh ? "“\(prefix)”不是 SHA-256 的开头；请至少输入 6 位十六进制数字（0-9、a-f）"
                : "\"\(prefix)\" is not the start of a SHA-256; give at least 6 hexadecimal digits (0-9, a-f)"
        case .notAnArchive(let path):
            return zh ? "\(path) 不是档案：没有这个文件夹；请用 --archive 指定档案文件夹，或设置 MEDIA_ARCHIVE"
                : "\(path) is not an archive: there is no such folder; give the archive folder with --archive or set MEDIA_ARCHIVE"
        case .exportDestination(let path, let reason):
            return zh ? "无法导出到 \(path)：\(reason.text(in: language))" : "cannot export to \(path): \(reason.text(in: language))"
        case .unknownRound(let given, let known):
            return zh ? "没有这一届：“\(given)”；现有：\(known.joined(separator: "、"))（`media-archive round list` 列出全部）"
                : "there is no round \"\(given)\"; the archive has \(known.joined(separator: ", ")) (`media-archive round list` shows them)"
        case .roundExists(let id):
            return zh ? "第 \(id) 届已经存在；如需修改请直接编辑 rounds/\(id).json"
                : "round \(id) exists already; edit rounds/\(id).json to change it"
        case .formInput(let problem):
            return problem.text(in: language)
        case .catalogue(let path, let reason):
            return zh ? "\(path)：\(reason)；没有作任何改动——请运行 `media-archive verify` 并告知档案管理员"
                : "\(path): \(reason); nothing was changed — run `media-archive verify` and tell the archive's keeper"
        }
    }
}

extension FormInputProblem {
    func text(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .notAnAssignment(let given):
            return zh ? "“\(given)”不是“栏目=内容”；请写成例如 项目名称=科普大篷车进乡村"
                : "\"\(given)\" is not FIELD=VALUE; write e.g. 项目名称=科普大篷车进乡村 or projectName=…"
        case .unknownField(let given, let form, let labels):
            return zh ? "\(form)没有“\(given)”这一栏；可用的栏目：\(labels.joined(separator: "、"))"
                : "\(form) has no field \"\(given)\"; its fields are \(labels.joined(separator: ", ")) (or their JSON keys)"
        case .fieldTwice(let label):
            return zh ? "“\(label)”填了两次；每栏只填一次" : "\"\(label)\" is given twice; give each field once"
        case .emptyRecord(let form):
            return zh ? "没有填写任何内容；请至少填写\(form)的一栏，例如 项目名称=…"
                : "nothing to enter: give at least one field of \(form), e.g. 项目名称=…"
        case .exportFormat(let path):
            return zh ? "\(path)：请给出 .xlsx 或 .csv 文件名" : "\(path): give a file name ending in .xlsx or .csv"
        }
    }
}
