/// What can be wrong with a photo's metadata block while the photo itself is still read. Typed,
/// not worded: the caller's message catalogue says it in the reader's language.
public enum PhotoMetadataWarning: Sendable, Equatable, CaseIterable {
    /// The EXIF block is damaged; date and camera may be missing.
    case exifDamaged
    /// The JPEG structure is damaged before any EXIF block; the metadata cannot be read.
    case jpegDamagedBeforeExif
    /// libexif ran out of memory reading the block.
    case exifOutOfMemory
}
