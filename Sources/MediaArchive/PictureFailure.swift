import Exif
import MediaProbe

/// Why no thumbnail could be made, in words for the person looking at the list.
enum PictureFailure {
    static func explain(_ error: any Error, path: String) -> String {
        let signature = FileSignature.read(path: path)
        if signature.isDocument { return "a document has no picture to make a thumbnail from" }
        switch error {
        case let picture as PictureError:
            if case .ffmpeg(let ffmpeg) = picture {
                return ReadFailure.explain(signature) ?? ReadFailure.explain(ffmpeg, signature: signature)
            }
            return picture.description
        case let exif as ExifError:
            return exif.message
        case let ffmpeg as FFmpegError:
            return ReadFailure.explain(ffmpeg, signature: signature)
        default:
            return "\(error)"
        }
    }
}
