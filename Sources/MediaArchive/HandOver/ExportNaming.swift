import Foundation

/// Readable file names for a hand-over folder: `<day> <original name>`, e.g.
/// `2021-05-23 科技周开幕式.mp4`.
///
/// Original names come from counties and may say anything ("../../etc/passwd", a NUL, 300
/// characters), so every name is rebuilt to be one plain file name inside the folder: no
/// folder separators, no control or bidirectional-override characters, none of the characters
/// Windows refuses (hand-overs travel on USB sticks), no leading or trailing dots or spaces, at
/// most `maxBytes` UTF-8 bytes with the extension kept. The extension is the stored object's
/// (the detected format) unless the original's already agrees with it.
struct ExportNaming {
    /// Leaves room under the usual 255-byte limit for the `.part` copy and a " (NN)" suffix.
    static let maxBytes = 200

    /// Names taken so far, compared the way case-insensitive, normalising file systems
    /// (exFAT, NTFS, APFS) compare them, so no two exports land on one file there.
    private var used: Set<String> = []

    init(reserved: [String] = []) {
        for name in reserved { used.insert(Self.collisionKey(name)) }
    }

    /// A unique, safe name for this entry's file; a second file with the same day and name
    /// becomes `… (2).mp4`.
    mutating func name(for entry: CatalogEntry) -> String {
        let (stem, ext) = Self.parts(originalName: entry.originalNames.first ?? "",
                                     storedExtension: Self.storedExtension(of: entry.object ?? ""),
                                     fallbackStem: entry.sha256.abbreviated)
        var counter = 1
        while true {
            let suffix = counter == 1 ? "" : " (\(counter))"
            let candidate = Self.assemble(day: entry.day.description, stem: stem, suffix: suffix, ext: ext)
            if used.insert(Self.collisionKey(candidate)).inserted { return candidate }
            counter += 1
        }
    }

    static func collisionKey(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// "2021-05-23 " + stem (shortened to fit) + suffix + "." + ext.
    static func assemble(day: String, stem: String, suffix: String, ext: String) -> String {
        let fixed = "\(day) ".utf8.count + suffix.utf8.count + 1 + ext.utf8.count
        var kept = stem
        // Characters, not bytes, are dropped, so a Chinese name is never cut inside a character.
        while kept.utf8.count > maxBytes - fixed, !kept.isEmpty { kept.removeLast() }
        kept = trimmedEnds(kept)
        return "\(day) \(kept)\(suffix).\(ext)"
    }

    /// The stem and extension a file is exported under.
    static func parts(originalName: String, storedExtension: String, fallbackStem: String) -> (stem: String, ext: String) {
        let cleaned = clean(originalName)
        var stem = cleaned
        var ext = storedExtension
        if let dot = cleaned.lastIndex(of: "."), dot != cleaned.startIndex {
            let originalExt = String(cleaned[cleaned.index(after: dot)...])
            let lower = originalExt.lowercased()
            if lower == storedExtension || aliases[lower] == storedExtension {
                // The name already says what the file is: keep it as written ("IMG_0001.JPG").
                stem = String(cleaned[..<dot])
                ext = originalExt
            } else if knownExtensions.contains(lower) {
                // It claims another format (a JPEG named .mp4): the detected format wins.
                stem = String(cleaned[..<dot])
            }
            // Otherwise the dot is part of the name ("v1.2", "report.final"); the extension is added.
        }
        stem = trimmedEnds(stem)
        return (stem.isEmpty ? fallbackStem : stem, ext)
    }

    /// One plain file name from whatever a county called the file.
    static func clean(_ original: String) -> String {
        // Folder parts become "_" so "../../etc/passwd" reads "etc_passwd", and "." / ".."
        // parts disappear.
        let components = original.split(whereSeparator: { $0 == "/" || $0 == "\\" })
            .map(String.init)
            .filter { !$0.allSatisfy { $0 == "." || $0.isWhitespace } }
        var scalars = String.UnicodeScalarView()
        for scalar in components.joined(separator: "_").unicodeScalars {
            if isDropped(scalar) { continue }
            if replaced.contains(scalar) {
                scalars.append("_")
            } else if scalar == ".", scalars.last == "." {
                continue // no ".." anywhere
            } else {
                scalars.append(scalar)
            }
        }
        return trimmedEnds(String(scalars).precomposedStringWithCanonicalMapping)
    }

    /// Without leading and trailing dots and white space (Windows drops trailing ones; a leading
    /// dot hides the file).
    static func trimmedEnds(_ text: String) -> String {
        let edge: (Character) -> Bool = { $0 == "." || $0.isWhitespace }
        var result = Substring(text)
        while let first = result.first, edge(first) { result.removeFirst() }
        while let last = result.last, edge(last) { result.removeLast() }
        return String(result)
    }

    /// Control characters (NUL, tab, CR, LF, C1), line and paragraph separators, bidirectional
    /// overrides (which can make "exe.mp4" display as "mp4.exe") and the byte-order mark.
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Characters Windows refuses in names, and "%" (which BagIt manifests must escape and
    /// some checkers do not unescape).
    private static let replaced: Set<Unicode.Scalar> = ["<", ">", ":", "\"", "|", "?", "*", "%"]

    /// The stored object's extension ("mp4" from "hualong/objects/3f/3fa9….mp4"), else "bin".
    static func storedExtension(of objectPath: String) -> String {
        let last = objectPath.split(separator: "/").last.map(String.init) ?? ""
        guard let dot = last.lastIndex(of: ".") else { return "bin" }
        let ext = last[last.index(after: dot)...].lowercased()
        let safe = (1...8).contains(ext.count) && ext.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        return safe ? ext : "bin"
    }

    /// Spellings that mean the stored extension.
    private static let aliases: [String: String] = ["jpeg": "jpg", "jpe": "jpg", "tiff": "tif", "mpeg": "mpg", "hif": "heic"]

    /// Extensions that name a format; another one on a file of a different format is replaced.
    private static let knownExtensions: Set<String> = [
        "mp4", "mov", "m4v", "3gp", "3g2", "m4a", "mkv", "webm", "mka", "avi", "flv", "ts", "mts", "m2ts",
        "mpg", "mpeg", "vob", "wmv", "asf", "wma", "rm", "rmvb", "jpg", "jpeg", "jpe", "png", "webp", "bmp",
        "tif", "tiff", "gif", "heic", "heif", "hif", "avif", "dng", "mp3", "wav", "aac", "flac", "ogg", "amr",
        "pdf", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "dps", "odt", "ods", "odp",
        "txt", "bin",
    ]
}
