import Foundation

/// The list that travels with a hand-over: every exported catalogue entry with the file it
/// became, and what could not be exported. Written as JSON (for programs) and CSV (for people,
/// who open it in Excel or WPS).
struct ExportManifest: EveryKeyEncodable {
    struct Item: Encodable {
        /// Relative to the export folder.
        var file: String
        var entry: CatalogEntry
    }

    var county: String
    var name: String
    var fullName: String?
    var code: String?
    /// ISO 8601 with offset, in the policy's zone.
    var exportedAt: String
    var from: String?
    var until: String?
    var files: Int
    var bytes: Int64
    var items: [Item]
    var problems: [ExportProblem]

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// One row per exported file, then one per problem. Starts with a UTF-8 byte-order mark,
    /// without which Excel on Chinese Windows shows the names as mojibake.
    func csv() -> Data {
        var lines = [["file", "sha256", "day", "kind", "bytes", "duration", "verdict", "original names",
                      "captured", "ingested", "warnings", "problem"]]
        for item in items {
            let entry = item.entry
            lines.append([item.file, entry.sha256, entry.day.description, entry.kind.rawValue, "\(entry.bytes)",
                          entry.durationSeconds.map(DurationText.clock) ?? "", entry.verdict.rawValue,
                          entry.originalNames.joined(separator: " | "), entry.capturedAt ?? "", entry.ingestedAt,
                          entry.warnings.joined(separator: "; "), ""])
        }
        for problem in problems {
            lines.append(["", problem.sha256, "", "", "", "", "", problem.originalName ?? "", "", "", "",
                          "\(problem.problem.rawValue): \(problem.message)"])
        }
        let text = lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// The media reports handed in as links, one row each, with the same byte-order mark.
    static func linksCSV(_ links: [CatalogEntry]) -> Data {
        var lines = [["round", "part", "title", "outlet", "published", "url", "ingested", "sha256"]]
        for link in links {
            lines.append([link.round ?? "", link.part?.rawValue ?? "", link.title ?? "", link.outlet ?? "",
                          link.published?.description ?? "", link.url ?? "", link.ingestedAt, link.sha256])
        }
        let text = lines.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet shows a name, never runs it.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
