import Foundation
internal import OfficeDocuments

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
            lines.append([item.file, entry.sha256.hex, entry.day.description, entry.kind.rawValue, "\(entry.bytes)",
                          entry.durationSeconds.map(DurationText.clock) ?? "", entry.verdict.rawValue,
                          entry.originalNames.joined(separator: " | "), entry.capturedAt ?? "", entry.ingestedAt,
                          entry.warnings.joined(separator: "; "), ""])
        }
        for problem in problems {
            lines.append(["", problem.sha256.hex, "", "", "", "", "", problem.originalName ?? "", "", "", "",
                          "\(problem.problem.rawValue): \(problem.message)"])
        }
        let text = lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    /// The media reports handed in as links, one row each (`CSVWriter`: the same byte-order mark
    /// and quoting; a leading = + - @ defused as in `csv()`, since titles come from outside).
    static func linksCSV(_ links: [CatalogEntry]) -> Data {
        let rows = links.map { link in
            [link.round ?? "", link.part?.rawValue ?? "", link.title ?? "", link.outlet ?? "",
             link.published?.description ?? "", link.url ?? "", link.ingestedAt, link.sha256.hex].map(defused)
        }
        return CSVWriter.data(header: ["round", "part", "title", "outlet", "published", "url", "ingested", "sha256"], rows: rows)
    }

    /// A spreadsheet runs a cell starting with = + - @ as a formula; a leading ' shows it as text.
    static func defused(_ text: String) -> String {
        if let first = text.first, "=+-@".contains(first) { return "'" + text }
        return text
    }

    /// RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet shows a name, never runs it.
    static func csvField(_ text: String) -> String {
        let value = defused(text)
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
