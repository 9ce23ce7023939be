internal import CFFmpeg

/// Why no picture could be taken from a file.
public enum PictureError: Error, Sendable, CustomStringConvertible {
    case ffmpeg(FFmpegError)
    /// Refused before decoding: a "decompression bomb" or simply a picture too large to handle.
    case tooManyPixels(width: Int, height: Int, budget: Int)
    case noPicture

    public var description: String {
        switch self {
        case .ffmpeg(let error):
            return "the picture could not be decoded (\(error.message)); the file may be damaged"
        case .tooManyPixels(let width, let height, let budget):
            return "the picture is \(width)x\(height) pixels, more than the \(budget / 1_000_000) megapixels this tool decodes; send a smaller copy"
        case .noPicture:
            return "the file holds no picture to make a thumbnail from"
        }
    }
}

/// Takes one representative picture from a video or photo, scaled down for a thumbnail.
///
/// Videos: a keyframe about 10% in (later ones if that is nearly black), turned upright as the
/// display matrix says; one decode per attempt, never the whole video. Photos (JPEG, PNG, WebP,
/// BMP, TIFF …): their one picture, as stored — EXIF orientation is the caller's to apply, since
/// it comes from the photo's metadata.
public struct Thumbnailer: Sendable {
    public var longEdge: Int
    /// Largest width×height decoded; larger pictures are refused before any decoding.
    public var pixelBudget: Int
    public var limits: OpenLimits

    public init(longEdge: Int = 320, pixelBudget: Int = 200_000_000, limits: OpenLimits = .standard) {
        self.longEdge = longEdge
        self.pixelBudget = pixelBudget
        self.limits = limits
    }

    /// Where in a video to look, as fractions of its length, until a frame is bright enough.
    static let videoPositions = [0.1, 0.3, 0.5]
    /// Mean brightness (0–255) below which a frame counts as black (fades, lens cap).
    static let nearBlack = 20.0

    /// A picture taken from a file, and whether the file is a still photo (whose EXIF
    /// orientation the caller still has to apply) or a video (already upright).
    public struct Picture: Sendable {
        public var image: RGBImage
        public var isStill: Bool
    }

    public func picture(path: String) throws(PictureError) -> Picture {
        do {
            let file = try MediaFile(path: path, limits: limits)
            file.extendDeadline(by: limits.openTimeoutSeconds)
            guard let stream = file.streams.first(where: { $0.type == .video && !$0.isAttachedPicture }),
                  let width = stream.width, let height = stream.height else {
                throw PictureError.noPicture
            }
            guard width * height <= pixelBudget else {
                throw PictureError.tooManyPixels(width: width, height: height, budget: pixelBudget)
            }
            let kind = MediaProber.contentKind(formatName: file.formatName, streams: file.streams)
            if kind == .image {
                return Picture(image: try firstPicture(of: file, stream: stream), isStill: true)
            }
            let frame = try representativeFrame(of: file, stream: stream)
            return Picture(image: frame.upright(displayRotation: stream.rotation), isStill: false)
        } catch let error as PictureError {
            throw error
        } catch let error as FFmpegError {
            throw .ffmpeg(error)
        } catch {
            throw .noPicture
        }
    }

    private func firstPicture(of file: MediaFile, stream: StreamInfo) throws -> RGBImage {
        let decoder = try Decoder(file: file, streamIndex: stream.index, keyframesOnly: false)
        let frame = try Frame()
        guard try decoder.decodeNextFrame(from: file, into: frame) else { throw PictureError.noPicture }
        return try scaled(frame, in: file, stream: stream)
    }

    private func representativeFrame(of file: MediaFile, stream: StreamInfo) throws -> RGBImage {
        let decoder = try Decoder(file: file, streamIndex: stream.index, keyframesOnly: true)
        let frame = try Frame()
        let length = file.statedDuration?.seconds ?? stream.durationSeconds ?? 0
        var best: RGBImage? = nil
        for position in Self.videoPositions {
            if length > 0 {
                guard file.seek(streamIndex: stream.index, toSeconds: (stream.startSeconds ?? 0) + length * position) else { break }
                decoder.flush()
            }
            guard try decoder.decodeNextFrame(from: file, into: frame) else { continue }
            let picture = try scaled(frame, in: file, stream: stream)
            if picture.meanBrightness >= Self.nearBlack { return picture }
            if best == nil || picture.meanBrightness > best!.meanBrightness { best = picture }
            if length <= 0 { break }
        }
        if let best { return best }
        // No keyframe after the chosen points (a short clip with a single keyframe, or frames
        // not flagged as keyframes): open the file afresh — no demuxer-specific rewinding — and
        // take the first picture that decodes, keyframe or not. (The full analysis reads nothing
        // past the start that it does not hand back.)
        let again = try MediaFile(path: file.path, limits: limits, analysis: .always)
        let everyFrame = try Decoder(file: again, streamIndex: stream.index, keyframesOnly: false)
        guard try everyFrame.decodeNextFrame(from: again, into: frame) else { throw PictureError.noPicture }
        return try scaled(frame, in: again, stream: stream)
    }

    /// Scales to the thumbnail size, honouring non-square pixels (anamorphic video) the way
    /// players do: the container's pixel aspect wins over the codec's.
    private func scaled(_ frame: Frame, in file: MediaFile, stream: StreamInfo) throws -> RGBImage {
        guard frame.width > 0, frame.height > 0 else { throw PictureError.noPicture }
        let aspect = file.sampleAspectRatio(streamIndex: stream.index, frame: frame)
        var displayWidth = frame.width
        if aspect.num > 0, aspect.den > 0, aspect.num != aspect.den {
            displayWidth = max(1, Int((Double(frame.width) * av_q2d(aspect)).rounded()))
        }
        let size = FrameScaler.fittedSize(width: displayWidth, height: frame.height, longEdge: longEdge)
        return try FrameScaler(from: frame, toWidth: size.width, height: size.height).rgbImage(from: frame)
    }
}

extension MediaFile {
    /// The pixel aspect ratio a player uses for this frame (`av_guess_sample_aspect_ratio`).
    func sampleAspectRatio(streamIndex: Int, frame: Frame) -> AVRational {
        av_guess_sample_aspect_ratio(context, stream(at: streamIndex), frame.pointer)
    }

    /// Seeks to the keyframe at or before `seconds` on `streamIndex`; false when the file
    /// cannot seek there.
    func seek(streamIndex: Int, toSeconds seconds: Double) -> Bool {
        guard let stream = stream(at: streamIndex) else { return false }
        let timeBase = av_q2d(stream.pointee.time_base)
        guard timeBase > 0 else { return false }
        let timestamp = Int64(seconds / timeBase)
        return av_seek_frame(context, Int32(streamIndex), timestamp, AVSEEK_FLAG_BACKWARD) >= 0
    }
}
