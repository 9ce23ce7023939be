import Foundation

/// Turns the paths given on the command line into the files to work on.
public enum MediaPaths {
    /// Files stay as given; folders are walked recursively in name order, skipping hidden
    /// files and folders (".DS_Store", ".git", …). A path that does not exist is kept, so that
    /// it gets its own "does not exist" verdict instead of vanishing from the batch.
    public static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            return filesUnder(path)
        }
    }

    private static func filesUnder(_ folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder, isDirectory: true)
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles, .skipsPackageDescendants]
        ) else { return [] }
        var files: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            files.append(joined(folder, url.path.dropFirst(root.path.count)))
        }
        return files.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
    }

    /// Keeps paths as the user typed the folder ("media/x.mp4", not "/abs/…/media/x.mp4").
    private static func joined(_ folder: String, _ rest: Substring) -> String {
        let trimmed = rest.drop { $0 == "/" }
        return folder.hasSuffix("/") ? folder + trimmed : folder + "/" + trimmed
    }
}
