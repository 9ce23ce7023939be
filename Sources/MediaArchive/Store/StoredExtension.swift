import Foundation
import MediaFacts

/// The extension a stored object gets: from the detected format, never trusted from the name
/// (a JPEG sent as "video.mp4" is stored as .jpg). Where a format family has several usual
/// extensions (MP4/MOV/3GP share one demuxer), the original's is kept if it belongs to it.
enum StoredExtension {
    static func forFile(format: String?, kind: MediaKind, signature: ContentSignature, originalPath: String, prefix: Data) -> String {
        let original = URL(fileURLWithPath: originalPath).pathExtension.lowercased()
        func keep(_ allowed: [String], otherwise fallback: String) -> String {
            allowed.contains(original) ? original : fallback
        }
        switch signature {
        case .pdf: return "pdf"
        case .richText: return "rtf"
        case .compoundDocument: return keep(["doc", "xls", "ppt", "wps", "et", "dps"], otherwise: "doc")
        case .officeOpenXML:
            if prefix.range(of: Data("word/".utf8)) != nil { return "docx" }
            if prefix.range(of: Data("xl/".utf8)) != nil { return "xlsx" }
            if prefix.range(of: Data("ppt/".utf8)) != nil { return "pptx" }
            return keep(["docx", "xlsx", "pptx"], otherwise: "docx")
        case .openDocument: return keep(["odt", "ods", "odp"], otherwise: "odt")
        case .heif: return keep(["heic", "heif", "avif", "hif"], otherwise: "heic")
        case .plainText: return keep(["txt", "md", "csv", "tsv"], otherwise: "txt")
        default: break
        }
        switch format ?? "" {
        case "mov,mp4,m4a,3gp,3g2,mj2":
            return keep(["mp4", "mov", "m4v", "3gp", "3g2", "m4a"], otherwise: kind == .audio ? "m4a" : "mp4")
        case "matroska,webm": return keep(["mkv", "webm", "mka"], otherwise: "mkv")
        case "avi": return "avi"
        case "flv": return "flv"
        case "mpegts": return keep(["ts", "mts", "m2ts"], otherwise: "ts")
        case "mpeg": return keep(["mpg", "mpeg", "vob"], otherwise: "mpg")
        case "asf": return keep(["wmv", "asf", "wma"], otherwise: "wmv")
        case "jpeg_pipe", "image2": return "jpg"
        case "png_pipe": return "png"
        case "webp_pipe": return "webp"
        case "bmp_pipe": return "bmp"
        case "tiff_pipe": return "tif"
        case "gif": return "gif"
        case "mp3": return "mp3"
        case "wav": return "wav"
        default:
            // Unknown to this table: keep a plain, safe original extension, else none.
            let safe = original.count <= 8 && !original.isEmpty && original.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0)
            }
            return safe ? original : "bin"
        }
    }
}
