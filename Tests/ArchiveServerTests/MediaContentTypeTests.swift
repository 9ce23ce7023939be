@testable import ArchiveServer
import Testing

/// Which stored files may open in the browser in place: handed-in files are not the archive's
/// own, so anything that could run as a page of the archive goes out as a download.
struct MediaContentTypeTests {
    @Test(arguments: ["mp4", "mov", "webm", "m4a", "jpg", "png", "webp", "heic", "pdf"])
    func picturesSoundAndPDFOpenInPlace(_ ext: String) {
        #expect(MediaContentType.isSafeInline(MediaContentType.forExtension(ext)), "\(ext)")
    }

    @Test(arguments: ["svg", "html", "htm", "xml", "xhtml", "js", "txt", "docx", "bin", "unknownext"])
    func whatCouldRunOrIsNotForViewingIsADownload(_ ext: String) {
        #expect(!MediaContentType.isSafeInline(MediaContentType.forExtension(ext)), "\(ext) → \(MediaContentType.forExtension(ext))")
    }
}
