import Foundation
public import MediaFacts

/// A sentence the tool says to a person about a file or the archive: why a file failed, what is
/// worth knowing, what went wrong and what to do. Results keep messages, not text, so each reader
/// gets them in their own language when the result is shown (`text(in:)`, or a `JSONEncoder`
/// with `userInfo[.messageLanguage]`). Both languages are written side by side in
/// `Message+Text.swift`, the one place these sentences live.
public indirect enum Message: Sendable, Hashable {
    /// The file, or a picture from it, cannot be read: MediaFacts' typed reason, worded by this
    /// catalogue (`ReadProblem+Text.swift`), so the reasons are not listed twice.
    case cannotRead(ReadProblem)
    /// The process reading the file crashed, ran past its limits or hung (the server's workers).
    case notCheckedSafely
    /// A HEIC/HEIF photo whose container could not be parsed; `problem` says why.
    case photoUnreadable(problem: Message)

    // The submission policy.
    case audioOnly
    case nothingToSeeOrHear
    case cutOff(presentSeconds: Double, statedSeconds: Double?)
    case damaged(afterSeconds: Double?, detail: String)
    case lengthUnmeasurable
    case videoOverLimit(durationSeconds: Double, limitSeconds: Double)
    /// The same, where a web hand-in refused the upload: the advice is to upload it again.
    case videoOverLimitToUpload(durationSeconds: Double, limitSeconds: Double)
    case fileTooLarge(bytes: Int64, limitBytes: Int64)
    /// An upload cut off at the limit while it arrived, so its full size is not known.
    case uploadTooLarge(limitBytes: Int64)
    case kindNotAccepted(MediaKind, accepted: [MediaKind])

    // Warnings.
    case photoSizeUnknown
    case headerDisagrees(statedSeconds: Double, measuredSeconds: Double)
    case capturedOutsideWindow(day: CalendarDay, start: CalendarDay, end: CalendarDay)
    case photoMetadataUnreadable(detail: String)
    case exifDamaged
    case jpegDamagedBeforeExif
    case exifOutOfMemory
    /// libheif cannot decode a HEIF whose boxes are sound; `detail` is libheif's own text.
    case heifNotDecodable(detail: String)
    case handedInLate(day: CalendarDay, deadline: CalendarDay)
    case duplicateOf(originalName: String)
    case adoptedWithoutName

    // Export folders.
    case exportTargetIsFile
    case exportTargetUnreadable(problem: Message)
    case exportTargetNotEmpty(itemCount: Int, examples: [String])
    case exportNeedsSpace(neededBytes: Int64, freeBytes: Int64)
    case folderCannotBeCreated(problem: Message)
    case exportIncomplete(problem: Message)
    case manifestNotWritten(problem: Message)

    // Ingest.
    case notStored(problem: Message)
    /// The archive's own files stood in the way (an unsafe name, an unreadable catalogue).
    case archiveProblem(ArchiveError)
    /// An operating-system failure (disk full, permission denied …): `errno` picks the words;
    /// `detail` is the system's own text, shown where the tool has no words of its own.
    case systemError(errno: Int32, detail: String)

    // The web app: access tokens and uploads.
    case tokenMissing
    case tokenInvalid
    /// An Authorization header of another scheme than Bearer.
    case bearerExpected
    case roleRequired(AccessRole, tokenName: String, tokenRole: AccessRole)
    /// A county token asked to act for, or look at, another county.
    case otherCounty(tokenCounty: String, asked: String)
    /// A cookie-carrying change sent from a page of another site (or with no Origin/Referer).
    case crossSiteRefused
    /// Too many wrong tokens from one address: it must wait before trying again.
    case loginSlowedDown(seconds: Int)
    /// The registration forms closed for counties on this day.
    case formsLocked(deadline: CalendarDay)
    /// A county may withdraw its items only until the round's deadline.
    case withdrawClosed(deadline: CalendarDay)
    case uploadMalformed
    case uploadHasNoBoundary
    case uploadHasNoFile(field: String)
    case uploadNeedsFileName
    case uploadNotAForm(field: String)
    /// The body ended before the whole upload arrived: the sender went away or was cut off.
    case uploadCutShort

    // The hand-in: rounds, parts and forms.
    case handIn(HandInMessage)

    /// Text that comes from outside the tool (a library's error text, an entry written by an
    /// older version), shown as it is in every language.
    case untranslated(String)
    /// A sentence already worded in both languages (a stored message the catalogue keeps only as
    /// its words, see `MessageCode`).
    case worded(english: String, chinese: String)
}

extension Message: Encodable {
    /// A message is written as its sentence, in the language the encoder asks for, so the JSON
    /// shape (`reasons: [string]`) stays what DESIGN.md promises.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text(in: encoder.messageLanguage))
    }
}

extension Message: CustomStringConvertible {
    /// The English sentence (logs, `"\(message)"`).
    public var description: String { text(in: .en) }
}

extension Array where Element == Message {
    /// Each message's sentence in `language`.
    public func texts(in language: Language) -> [String] { map { $0.text(in: language) } }
}

extension Message {
    /// This message as a web upload's refusal words it: "trim it and upload again" rather than
    /// the self-check's "check again" (`/api/handin`, `/api/ingest`, the portal).
    public var asUploadRefusal: Message {
        guard case .videoOverLimit(let duration, let limit) = self else { return self }
        return .videoOverLimitToUpload(durationSeconds: duration, limitSeconds: limit)
    }
}
