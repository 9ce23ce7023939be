import Foundation

extension CatalogEntry {
    /// The name a downloaded copy should get: the first original name, cleaned and given the
    /// stored format's extension exactly as a hand-over export names it (without the day), so
    /// a JPEG handed in as "video.mp4" downloads as "video.jpg".
    public var downloadName: String {
        let (stem, ext) = ExportNaming.parts(originalName: originalNames.first ?? "",
                                             storedExtension: ExportNaming.storedExtension(of: object ?? ""),
                                             fallbackStem: sha256.abbreviated)
        return "\(stem).\(ext)"
    }
}
