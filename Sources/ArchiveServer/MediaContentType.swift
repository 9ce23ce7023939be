import Foundation
import Hummingbird

/// The `Content-Type` of a stored object, from its extension — which the store chose from the
/// detected format, never from the name a county gave the file.
enum MediaContentType {
    static func forExtension(_ ext: String) -> String {
        let lower = ext.lowercased()
        return missingFromHummingbird[lower] ?? MediaType.getMediaType(forExtension: lower)?.description ?? "application/octet-stream"
    }

    /// Types a browser only displays — video, audio, raster pictures, PDF (whose scripts run in
    /// the viewer, not in the page) — and so may open in place; anything else (SVG, HTML, XML,
    /// text, office files, unknown) is sent as a download.
    static func isSafeInline(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type.hasPrefix("video/") || type.hasPrefix("audio/") { return true }
        return ["image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp", "image/avif", "image/heic", "image/heif",
                "image/tiff", "application/pdf"].contains(type)
    }

    /// Formats the store keeps that Hummingbird's table does not name (or names differently
    /// from what browsers expect for playback).
    private static let missingFromHummingbird: [String: String] = [
        "mov": "video/quicktime", "m4v": "video/x-m4v", "m4a": "audio/mp4", "3g2": "video/3gpp2",
        "mkv": "video/x-matroska", "mka": "audio/x-matroska", "avi": "video/x-msvideo", "flv": "video/x-flv",
        "mts": "video/mp2t", "m2ts": "video/mp2t", "mpg": "video/mpeg", "vob": "video/mpeg",
        "wmv": "video/x-ms-wmv", "asf": "video/x-ms-asf", "wma": "audio/x-ms-wma",
        "heic": "image/heic", "heif": "image/heif", "hif": "image/heif", "avif": "image/avif",
        "wps": "application/vnd.ms-works", "et": "application/vnd.ms-excel", "dps": "application/vnd.ms-powerpoint",
        "txt": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8", "md": "text/plain; charset=utf-8",
        "tsv": "text/tab-separated-values; charset=utf-8", "bin": "application/octet-stream",
    ]
}
