/// A photo whose metadata could not be read at all, with the file and a plain reason.
///
/// A photo that opens but has no (or a damaged) EXIF block is not an error: the reader
/// returns what it could read, with warnings.
///
///     do { ... } catch ExifError.notAPhoto { ... }
public struct ExifError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts differently to each case.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// `catch ExifError.fileNotFound` matches an `ExifError` with that code.
        public static func ~= (code: Code, error: any Error) -> Bool {
            (error as? ExifError)?.code == code
        }
    }

    /// No file at the path.
    public static let fileNotFound = Code("fileNotFound")
    /// The file exists but cannot be read (permissions, a directory, an I/O error).
    public static let unreadable = Code("unreadable")
    /// The bytes are not a photo format this reader knows (JPEG, TIFF, HEIF/AVIF, PNG, WebP).
    public static let notAPhoto = Code("notAPhoto")
    /// The container (e.g. HEIF boxes) is too damaged to find the image or its metadata.
    public static let damagedContainer = Code("damagedContainer")
    /// Decoding pixels failed (missing codec, broken image data).
    public static let decodingFailed = Code("decodingFailed")
    /// The image has more pixels than the caller allowed.
    public static let imageTooLarge = Code("imageTooLarge")

    public var code: Code
    /// The file the error is about.
    public var path: String
    /// What is wrong, in words a clerk understands.
    public var message: String
    /// The C library's own words, when it gave any (e.g. libheif's error message).
    public var libraryMessage: String?

    public init(_ code: Code, path: String, message: String, libraryMessage: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.libraryMessage = libraryMessage
    }

    public var description: String {
        var text = "\(path): \(message)"
        if let libraryMessage, !libraryMessage.isEmpty { text += " (\(libraryMessage))" }
        return text
    }
}
