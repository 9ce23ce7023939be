import Exif
import MediaProbe

/// Why no thumbnail could be made, as the message the person looking at the list reads.
enum PictureFailure {
    static func explain(_ error: any Error, path: String) -> Message {
        let signature = FileSignature.read(path: path)
        if signature.isDocument { return .documentHasNoPicture }
        switch error {
        case let picture as PictureError:
            switch picture {
            case .ffmpeg(let ffmpeg):
                return ReadFailure.explain(signature) ?? ReadFailure.explain(ffmpeg, signature: signature)
            case .tooManyPixels(let width, let height, let budget):
                return .pictureTooLarge(width: width, height: height, megapixels: budget / 1_000_000)
            case .noPicture:
                return .noPicture
            }
        case let exif as ExifError:
            // libexif/libheif's own words; the tool has none better for them.
            return .untranslated(exif.message)
        case let ffmpeg as FFmpegError:
            return ReadFailure.explain(ffmpeg, signature: signature)
        default:
            return .untranslated("\(error)")
        }
    }
}
