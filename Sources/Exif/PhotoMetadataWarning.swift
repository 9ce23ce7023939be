/// The warnings the reader gives about a photo's metadata. `PhotoMetadata.warnings` holds their
/// English text; naming them here lets a caller show them in another language.
public enum PhotoMetadataWarning: String, Sendable, CaseIterable {
    case exifDamaged = "the photo's EXIF block is damaged; date and camera may be missing"
    case jpegDamagedBeforeExif = "the photo's JPEG structure is damaged before any EXIF block; its metadata cannot be read"
    case exifOutOfMemory = "the photo's EXIF block could not be read (out of memory)"
}
