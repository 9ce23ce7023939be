internal import Exif
internal import MediaProbe

extension ReadProblem {
    /// FFmpeg's error for a file whose leading bytes said `signature`.
    static func from(_ error: FFmpegError, signature: ContentSignature) -> ReadProblem {
        switch error {
        case FFmpegError.noSuchFile: .fileMissing
        case FFmpegError.permissionDenied: .permissionDenied
        case FFmpegError.interrupted: .readTimedOut
        case FFmpegError.invalidData where signature == .empty: .emptyFile
        case FFmpegError.invalidData where signature == .isoMedia: .cutOffNoIndex
        case FFmpegError.invalidData: .notReadableMedia(detail: error.message)
        case FFmpegError.outOfMemory: .outOfMemory
        default: .unreadable(detail: error.message)
        }
    }

    /// Kinds FFmpeg is never asked about.
    static func from(_ signature: ContentSignature) -> ReadProblem? {
        switch signature {
        case .plainText: .textFile
        case .zipArchive: .zipArchive
        default: nil
        }
    }

    static func from(_ error: ExifError) -> ReadProblem {
        let refusal: PhotoRefusal = switch error.code {
        case ExifError.fileNotFound: .fileNotFound
        case ExifError.unreadable: .unreadable
        case ExifError.notAPhoto: .notAPhoto
        case ExifError.damagedContainer: .damagedContainer
        case ExifError.decodingFailed: .decodingFailed
        case ExifError.imageTooLarge: .imageTooLarge
        default: .other
        }
        return .photoRefused(refusal, english: error.message)
    }

    /// Why no picture could be taken from the file at `path`.
    static func fromPictureError(_ error: any Error, path: String) -> ReadProblem {
        let signature = ContentSignature.read(path: path)
        if signature.isDocument { return .documentHasNoPicture }
        switch error {
        case let problem as ReadProblem:
            return problem
        case let picture as PictureError:
            switch picture {
            case .ffmpeg(let ffmpeg):
                return from(signature) ?? from(ffmpeg, signature: signature)
            case .tooManyPixels(let width, let height, let budget):
                return .pictureTooLarge(width: width, height: height, megapixels: budget / 1_000_000)
            case .noPicture:
                return .noPicture
            }
        case let exif as ExifError:
            return from(exif)
        case let ffmpeg as FFmpegError:
            return from(ffmpeg, signature: signature)
        default:
            return .other("\(error)")
        }
    }
}
