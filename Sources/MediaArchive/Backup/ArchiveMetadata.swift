import Foundation

/// The archive's files other than stored media: registry, policy, tokens, audit log, rounds
/// and forms to come, and each county's catalogue (`index/`). Small, and changed in place, so
/// each backup copies them all into its snapshot.
struct ArchiveMetadata {
    let root: URL

    struct CopiedFile {
        /// Relative to the archive root (and to the snapshot).
        var path: String
        var sha256: SHA256Hash
        var bytes: Int64
    }

    /// A county folder's media (and copies in progress): the store's business, not the snapshot's.
    static let mediaFolders: Set<String> = ["objects", "thumbs", "staging"]

    func copy(into snapshot: URL) throws -> [CopiedFile] {
        var copied: [CopiedFile] = []
        for name in try entries(of: root) where !name.hasPrefix(".") {
            let url = root.appendingPathComponent(name)
            if isFolder(url) {
                let children = try entries(of: url)
                if children.contains(where: { Self.mediaFolders.contains($0) || $0 == "index" }) {
                    // A county: only its catalogue.
                    if children.contains("index") { try copyTree("\(name)/index", into: snapshot, adding: &copied) }
                } else {
                    try copyTree(name, into: snapshot, adding: &copied)
                }
            } else if isRegularFile(url) {
                copied.append(try copyFile(name, into: snapshot))
            }
        }
        return copied
    }

    /// Every regular file under `relative`, skipping dot-files (locks, temporary files).
    private func copyTree(_ relative: String, into snapshot: URL, adding copied: inout [CopiedFile]) throws {
        for name in try entries(of: root.appendingPathComponent(relative)).sorted() where !name.hasPrefix(".") {
            let child = "\(relative)/\(name)"
            let url = root.appendingPathComponent(child)
            if isFolder(url) {
                try copyTree(child, into: snapshot, adding: &copied)
            } else if isRegularFile(url) {
                copied.append(try copyFile(child, into: snapshot))
            }
        }
    }

    private func copyFile(_ relative: String, into snapshot: URL) throws -> CopiedFile {
        let made = try DurableCopy.copy(root.appendingPathComponent(relative), to: snapshot.appendingPathComponent(relative))
        return CopiedFile(path: relative, sha256: made.sha256, bytes: made.bytes)
    }

    private func entries(of folder: URL) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw BackupError.cannotCopy(path: folder.path, reason: error.localizedDescription)
        }
    }

    // Symbolic links are neither: a backup copies what the archive holds, not what it points at.
    private func isFolder(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])).map { $0.isDirectory == true && $0.isSymbolicLink != true } ?? false
    }

    private func isRegularFile(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
    }
}
