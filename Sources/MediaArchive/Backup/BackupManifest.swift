import Foundation

/// `manifest-sha256.txt`: one line per file, `<sha256>  <path relative to the backup folder>`,
/// the format `sha256sum -c` reads.
struct BackupManifest: Sendable, Equatable {
    struct Line: Sendable, Equatable {
        var sha256: SHA256Hash
        var path: String
    }

    var lines: [Line]

    var text: String {
        lines.sorted { $0.path < $1.path }.map { "\($0.sha256)  \($0.path)\n" }.joined()
    }

    /// Parses a manifest; every path must stay inside the backup folder.
    static func read(_ url: URL) throws -> BackupManifest {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw BackupError.brokenBackup(path: url.path, reason: "the manifest cannot be read")
        }
        var lines: [Line] = []
        for (number, row) in text.split(separator: "\n").enumerated() {
            let parts = row.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[1].isEmpty, let sha256 = SHA256Hash(hex: String(parts[0])),
                  isInside(String(parts[2])) else {
                throw BackupError.brokenBackup(path: url.path, reason: "line \(number + 1) is not \"<sha256>  <path>\"")
            }
            lines.append(Line(sha256: sha256, path: String(parts[2])))
        }
        return BackupManifest(lines: lines)
    }

    /// A relative path with no empty, "." or ".." part: it cannot leave the backup folder.
    static func isInside(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            && !path.contains("\\") && !path.contains("\0")
    }
}
