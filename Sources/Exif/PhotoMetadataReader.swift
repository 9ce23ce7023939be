/// Reads capture time, camera, GPS, orientation and text from a photo's EXIF block.
///
/// JPEG, TIFF, HEIC/HEIF/AVIF (via libheif), PNG and WebP are understood; the EXIF
/// itself is parsed by libexif. Safe to call from many tasks at once: each call
/// owns its own C objects.
public enum PhotoMetadataReader {
    /// - Returns: what the EXIF block says; an empty value (no error) when there is none,
    ///   with warnings when the block is damaged.
    /// - Throws: ``ExifError`` when the file cannot be opened (`fileNotFound`, `unreadable`),
    ///   is not a photo format we know (`notAPhoto`), or its HEIF container cannot be
    ///   parsed (`damagedContainer`).
    /// - Parameter container: what the file is, as MediaFacts' sniffer found it; nil when it is
    ///   none of the containers this reader knows.
    public static func read(contentsOf path: String, container: PhotoContainer?) throws -> PhotoMetadata {
        let file = try PhotoFile(path: path)
        guard let container else {
            throw ExifError(
                ExifError.notAPhoto, path: path,
                message: file.byteCount == 0
                    ? "the file is empty"
                    : "this is not a photo (not JPEG, TIFF, HEIC/HEIF, AVIF, PNG or WebP)")
        }
        let found = try ExifBlockFinder.find(in: file, container: container)
        guard let payload = found.payload else { return PhotoMetadata(warnings: found.warnings) }
        guard let exif = ExifDataHandle(exifPayload: ExifBlockFinder.hidingMakerNote(payload)) else {
            return PhotoMetadata(warnings: found.warnings + [PhotoMetadataWarning.exifOutOfMemory])
        }
        let tags = exif.tags
        var metadata = PhotoMetadata(tags: tags)
        var warnings = found.warnings
        if (exif.corruptDataCount > 0 || tags.isEmpty), !warnings.contains(ExifBlockFinder.damagedWarning) {
            warnings.append(ExifBlockFinder.damagedWarning)
        }
        metadata.warnings = warnings
        return metadata
    }
}
