import Foundation
import MediaFacts

/// A message as the catalogue stores it (schema 3): its code and its arguments, so that it is
/// worded when shown, in the reader's language, by the words of the version that shows it.
/// Written as one JSON object: `{"code":"videoOverLimit","durationSeconds":185.2,"limitSeconds":180}`.
/// A nested message (`problem`) is such an object too. Messages that never describe a stored
/// file (tokens, uploads, export folders, the archive's own errors) are stored worded, as
/// `{"code":"worded","en":…,"zh":…}`, so nothing is lost if one ever reaches an entry.
///
/// Argument names are never a top-level key of an entry (`kind`, `verdict`, `round` …): the
/// catalogue's text filters look those up in the line's bytes.
public struct MessageCode: Sendable, Hashable, Codable {
    public var message: Message

    public init(_ message: Message) { self.message = message }

    private enum Key: String, CodingKey {
        case code, detail, problem, refusal, english, width, height, megapixels, presentSeconds, statedSeconds,
             afterSeconds, durationSeconds, limitSeconds, measuredSeconds, fileBytes, limitBytes, refused, accepted,
             captured, start, end, handedIn, deadline, originalName, name, reason, records, errno, text, en, zh
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        func code(_ name: String) throws { try c.encode(name, forKey: .code) }
        switch message {
        // The reasons a file cannot be read keep the codes they had as Message cases of their own.
        case .cannotRead(let problem):
            switch problem {
            case .fileMissing: try code("fileMissing")
            case .isFolder: try code("isFolder")
            case .permissionDenied: try code("permissionDenied")
            case .emptyFile: try code("emptyFile")
            case .readTimedOut: try code("readTimedOut")
            case .cutOffNoIndex: try code("cutOffNoIndex")
            case .notReadableMedia(let detail): try code("notReadableMedia"); try c.encode(detail, forKey: .detail)
            case .outOfMemory: try code("outOfMemory")
            case .unreadable(let detail): try code("unreadable"); try c.encode(detail, forKey: .detail)
            case .textFile: try code("textFile")
            case .zipArchive: try code("zipArchive")
            case .photoRefused(let refusal, let english):
                try code("photoRefused"); try c.encode(refusal.rawValue, forKey: .refusal); try c.encode(english, forKey: .english)
            case .documentHasNoPicture: try code("documentHasNoPicture")
            case .pictureTooLarge(let width, let height, let megapixels):
                try code("pictureTooLarge")
                try c.encode(width, forKey: .width); try c.encode(height, forKey: .height); try c.encode(megapixels, forKey: .megapixels)
            case .noPicture: try code("noPicture")
            case .other(let text): try code("untranslated"); try c.encode(text, forKey: .text)
            }
        case .photoUnreadable(let problem):
            try code("photoUnreadable"); try c.encode(MessageCode(problem), forKey: .problem)
        case .audioOnly: try code("audioOnly")
        case .nothingToSeeOrHear: try code("nothingToSeeOrHear")
        case .cutOff(let present, let stated):
            try code("cutOff")
            try c.encode(present, forKey: .presentSeconds); try c.encodeIfPresent(stated, forKey: .statedSeconds)
        case .damaged(let after, let detail):
            try code("damaged"); try c.encodeIfPresent(after, forKey: .afterSeconds); try c.encode(detail, forKey: .detail)
        case .lengthUnmeasurable: try code("lengthUnmeasurable")
        case .videoOverLimit(let duration, let limit):
            try code("videoOverLimit"); try c.encode(duration, forKey: .durationSeconds); try c.encode(limit, forKey: .limitSeconds)
        case .videoOverLimitToUpload(let duration, let limit):
            try code("videoOverLimitToUpload"); try c.encode(duration, forKey: .durationSeconds); try c.encode(limit, forKey: .limitSeconds)
        case .fileTooLarge(let bytes, let limit):
            try code("fileTooLarge"); try c.encode(bytes, forKey: .fileBytes); try c.encode(limit, forKey: .limitBytes)
        case .uploadTooLarge(let limit): try code("uploadTooLarge"); try c.encode(limit, forKey: .limitBytes)
        case .kindNotAccepted(let kind, let accepted):
            try code("kindNotAccepted"); try c.encode(kind, forKey: .refused); try c.encode(accepted, forKey: .accepted)
        case .photoSizeUnknown: try code("photoSizeUnknown")
        case .headerDisagrees(let stated, let measured):
            try code("headerDisagrees"); try c.encode(stated, forKey: .statedSeconds); try c.encode(measured, forKey: .measuredSeconds)
        case .capturedOutsideWindow(let day, let start, let end):
            try code("capturedOutsideWindow")
            try c.encode(day, forKey: .captured); try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
        case .photoMetadataUnreadable(let detail): try code("photoMetadataUnreadable"); try c.encode(detail, forKey: .detail)
        case .exifDamaged: try code("exifDamaged")
        case .jpegDamagedBeforeExif: try code("jpegDamagedBeforeExif")
        case .exifOutOfMemory: try code("exifOutOfMemory")
        case .heifNotDecodable(let detail): try code("heifNotDecodable"); try c.encode(detail, forKey: .detail)
        case .handedInLate(let day, let deadline):
            try code("handedInLate"); try c.encode(day, forKey: .handedIn); try c.encode(deadline, forKey: .deadline)
        case .duplicateOf(let name): try code("duplicateOf"); try c.encode(name, forKey: .originalName)
        case .adoptedWithoutName: try code("adoptedWithoutName")
        case .notStored(let problem): try code("notStored"); try c.encode(MessageCode(problem), forKey: .problem)
        case .systemError(let number, let detail):
            try code("systemError"); try c.encode(number, forKey: .errno); try c.encode(detail, forKey: .detail)
        case .handIn(.partNotTold(let name)): try code("partNotTold"); try c.encode(name, forKey: .name)
        case .handIn(.formNotRead(let reason)): try code("formNotRead"); try c.encode(reason, forKey: .reason)
        case .handIn(.formRead(let records)): try code("formRead"); try c.encode(records, forKey: .records)
        case .untranslated(let text): try code("untranslated"); try c.encode(text, forKey: .text)
        case .worded(let english, let chinese):
            try code("worded"); try c.encode(english, forKey: .en); try c.encode(chinese, forKey: .zh)
        default:
            try code("worded"); try c.encode(message.text(in: .en), forKey: .en); try c.encode(message.text(in: .zh), forKey: .zh)
        }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func string(_ key: Key) throws -> String { try c.decode(String.self, forKey: key) }
        func seconds(_ key: Key) throws -> Double { try c.decode(Double.self, forKey: key) }
        func int(_ key: Key) throws -> Int { try c.decode(Int.self, forKey: key) }
        func bytes(_ key: Key) throws -> Int64 { try c.decode(Int64.self, forKey: key) }
        func day(_ key: Key) throws -> CalendarDay { try c.decode(CalendarDay.self, forKey: key) }
        func nested() throws -> Message { try c.decode(MessageCode.self, forKey: .problem).message }
        let code = try string(.code)
        switch code {
        case "fileMissing": message = .cannotRead(.fileMissing)
        case "isFolder": message = .cannotRead(.isFolder)
        case "permissionDenied": message = .cannotRead(.permissionDenied)
        case "emptyFile": message = .cannotRead(.emptyFile)
        case "readTimedOut": message = .cannotRead(.readTimedOut)
        case "cutOffNoIndex": message = .cannotRead(.cutOffNoIndex)
        case "notReadableMedia": message = .cannotRead(.notReadableMedia(detail: try string(.detail)))
        case "outOfMemory": message = .cannotRead(.outOfMemory)
        case "unreadable": message = .cannotRead(.unreadable(detail: try string(.detail)))
        case "textFile": message = .cannotRead(.textFile)
        case "zipArchive": message = .cannotRead(.zipArchive)
        case "photoUnreadable": message = .photoUnreadable(problem: try nested())
        case "photoRefused":
            message = .cannotRead(.photoRefused(PhotoRefusal(rawValue: try string(.refusal)) ?? .other, english: try string(.english)))
        case "documentHasNoPicture": message = .cannotRead(.documentHasNoPicture)
        case "pictureTooLarge":
            message = .cannotRead(.pictureTooLarge(width: try int(.width), height: try int(.height), megapixels: try int(.megapixels)))
        case "noPicture": message = .cannotRead(.noPicture)
        case "audioOnly": message = .audioOnly
        case "nothingToSeeOrHear": message = .nothingToSeeOrHear
        case "cutOff":
            message = .cutOff(presentSeconds: try seconds(.presentSeconds),
                              statedSeconds: try c.decodeIfPresent(Double.self, forKey: .statedSeconds))
        case "damaged":
            message = .damaged(afterSeconds: try c.decodeIfPresent(Double.self, forKey: .afterSeconds), detail: try string(.detail))
        case "lengthUnmeasurable": message = .lengthUnmeasurable
        case "videoOverLimit":
            message = .videoOverLimit(durationSeconds: try seconds(.durationSeconds), limitSeconds: try seconds(.limitSeconds))
        case "videoOverLimitToUpload":
            message = .videoOverLimitToUpload(durationSeconds: try seconds(.durationSeconds), limitSeconds: try seconds(.limitSeconds))
        case "fileTooLarge": message = .fileTooLarge(bytes: try bytes(.fileBytes), limitBytes: try bytes(.limitBytes))
        case "uploadTooLarge": message = .uploadTooLarge(limitBytes: try bytes(.limitBytes))
        case "kindNotAccepted":
            message = .kindNotAccepted(try c.decode(MediaKind.self, forKey: .refused),
                                       accepted: try c.decode([MediaKind].self, forKey: .accepted))
        case "photoSizeUnknown": message = .photoSizeUnknown
        case "headerDisagrees":
            message = .headerDisagrees(statedSeconds: try seconds(.statedSeconds), measuredSeconds: try seconds(.measuredSeconds))
        case "capturedOutsideWindow":
            message = .capturedOutsideWindow(day: try day(.captured), start: try day(.start), end: try day(.end))
        case "photoMetadataUnreadable": message = .photoMetadataUnreadable(detail: try string(.detail))
        case "exifDamaged": message = .exifDamaged
        case "jpegDamagedBeforeExif": message = .jpegDamagedBeforeExif
        case "exifOutOfMemory": message = .exifOutOfMemory
        case "heifNotDecodable": message = .heifNotDecodable(detail: try string(.detail))
        case "handedInLate": message = .handedInLate(day: try day(.handedIn), deadline: try day(.deadline))
        case "duplicateOf": message = .duplicateOf(originalName: try string(.originalName))
        case "adoptedWithoutName": message = .adoptedWithoutName
        case "notStored": message = .notStored(problem: try nested())
        case "systemError": message = .systemError(errno: try c.decode(Int32.self, forKey: .errno), detail: try string(.detail))
        case "partNotTold": message = .handIn(.partNotTold(name: try string(.name)))
        case "formNotRead": message = .handIn(.formNotRead(reason: try string(.reason)))
        case "formRead": message = .handIn(.formRead(records: try int(.records)))
        case "untranslated": message = .untranslated(try string(.text))
        case "worded": message = .worded(english: try string(.en), chinese: try string(.zh))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .code, in: c,
                debugDescription: "unknown message code \"\(code)\" (written by a newer version of the tool? use that version)")
        }
    }
}
