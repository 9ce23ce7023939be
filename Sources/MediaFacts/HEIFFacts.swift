import Foundation
internal import Exif

/// A HEIC/HEIF/AVIF photo's container facts: its size as stored (`ispe`) and as shown (after
/// `clap`, `irot`, `imir`), and whether libheif can decode it.
enum HEIFFacts {
    static func read(path: String) -> FileFacts {
        var facts = FileFacts(path: path, kind: .photo, signature: .heif)
        facts.format = "heif"
        let layout = try? HEIFLayout.read(path: path)
        do {
            // Opening it with libheif proves the container sound enough to decode.
            let shown = try HEIFImageInfo.read(path: path)
            facts.storedSize = layout?.storedSize ?? PixelSize(width: shown.width, height: shown.height)
            facts.displaySize = PixelSize(width: shown.width, height: shown.height)
        } catch let refusal as ExifError {
            guard let layout, let readable = withoutLibheif(layout, refusal: refusal) else {
                facts.kind = .photo
                facts.problem = .from(refusal)
                return facts
            }
            facts = readable
        } catch {
            facts.problem = .other("\(error)")
        }
        return facts
    }

    /// The seam for HEIF files libheif refuses although their boxes are sound (libheif 1.15
    /// refuses every iOS 18 photo): their facts come from the boxes alone — sizes here, EXIF
    /// through `PhotoMetadataReader`, which takes the EXIF item from the boxes too — and they
    /// get a warning that no thumbnail can be made, not an error.
    static func withoutLibheif(_ layout: HEIFLayout, refusal: ExifError) -> FileFacts? {
        guard let stored = layout.storedSize else { return nil }
        var facts = FileFacts(path: refusal.path, kind: .photo, signature: .heif)
        facts.format = "heif"
        facts.storedSize = stored
        facts.displaySize = layout.displaySize ?? stored
        facts.warnings.append(.heifNotDecodable(detail: refusal.libraryMessage ?? refusal.message))
        return facts
    }
}

extension HEIFLayout {
    var storedSize: PixelSize? {
        storedWidth.flatMap { width in storedHeight.map { PixelSize(width: width, height: $0) } }
    }

    var displaySize: PixelSize? {
        displayWidth.flatMap { width in displayHeight.map { PixelSize(width: width, height: $0) } }
    }
}
