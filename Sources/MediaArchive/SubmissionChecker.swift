import Exif
import Foundation
import MediaProbe

/// Applies the submission policy to files: the 3-minute gate and basic validity.
/// Stores nothing.
public struct SubmissionChecker: Sendable {
    public var policy: SubmissionPolicy
    public var prober: MediaProber

    public init(policy: SubmissionPolicy, prober: MediaProber = MediaProber()) {
        self.policy = policy
        self.prober = prober
    }

    /// Checks one file. Never throws: whatever goes wrong becomes the file's verdict.
    public func check(path: String) -> CheckResult {
        evaluate(path: path).result
    }

    /// What checking a file found out, beyond the verdict (for `inspect` and `ingest`).
    struct Evaluation {
        var result: CheckResult
        /// What FFmpeg found, where FFmpeg read the file.
        var report: ProbeReport?
        /// A still picture's stored pixel size.
        var pictureSize: (width: Int, height: Int)?
    }

    func evaluate(path: String) -> Evaluation {
        if let unreadable = unreadableReason(path: path) {
            return Evaluation(result: Self.errorResult(path: path, kind: .unknown, message: unreadable))
        }
        let signature = FileSignature.read(path: path)
        if signature.isDocument || (signature == .plainText && FileSignature.isTextDocumentName(path)) {
            return Evaluation(result: judgeKind(CheckResult(path: path, kind: .document, verdict: .pass), path: path))
        }
        if signature == .heif {
            // FFmpeg 5.1 cannot open HEIF; libheif parses the container instead.
            let info: HEIFImageInfo
            do {
                info = try HEIFImageInfo.read(path: path)
            } catch {
                let message = Message.photoUnreadable(problem: PictureFailure.explain(error, path: path))
                return Evaluation(result: Self.errorResult(path: path, kind: .photo, message: message))
            }
            var result = CheckResult(path: path, kind: .photo, verdict: .pass)
            result.format = "heif"
            return Evaluation(result: judgeKind(result, path: path), pictureSize: (info.width, info.height))
        }
        if let header = ImageHeader.read(path: path) {
            // A photo needs no decoding to be judged; its header says what it is and how big.
            var result = CheckResult(path: path, kind: .photo, verdict: .pass)
            result.format = header.format
            return Evaluation(result: judgeKind(result, path: path), pictureSize: (header.width, header.height))
        }
        if let message = ReadFailure.explain(signature) {
            return Evaluation(result: Self.errorResult(path: path, kind: .unknown, message: message))
        }

        let report: ProbeReport
        do {
            report = try prober.probe(path: path, confirmDurationsAbove: policy.passingLimitSeconds)
        } catch {
            return Evaluation(result: Self.errorResult(path: path, kind: .unknown, message: ReadFailure.explain(error, signature: signature)))
        }
        let picture = report.kind == .image ? report.videoStream.flatMap { stream in
            stream.width.flatMap { width in stream.height.map { (width, $0) } }
        } : nil
        return Evaluation(result: judgeKind(judge(report), path: path), report: report, pictureSize: picture)
    }

    /// The reason a file cannot even be opened, checked before any decoder sees it.
    private func unreadableReason(path: String) -> Message? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .fileMissing }
        if isDirectory.boolValue { return .isFolder }
        guard FileManager.default.isReadableFile(atPath: path) else { return .permissionDenied }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        if size == 0 { return .emptyFile }
        return nil
    }

    private func judge(_ report: ProbeReport) -> CheckResult {
        var result = CheckResult(path: report.path, kind: Self.mediaKind(report.kind), verdict: .pass)
        result.format = report.formatName
        result.durationSeconds = report.durationSeconds
        result.durationSource = report.durationSource?.rawValue
        // A photo's one picture is not a video; its size is reported by `inspect`.
        if report.kind == .video, let video = report.videoStream {
            result.video = .init(codec: video.codec, width: video.width, height: video.height,
                                 fps: video.framesPerSecond, rotation: video.rotation)
        }
        if let audio = report.audioStream {
            result.audio = .init(codec: audio.codec, channels: audio.channels, sampleRate: audio.sampleRate)
        }

        switch report.kind {
        case .video:
            judgeLength(report, into: &result)
        case .audio:
            result.fail(.audioOnly)
        case .image:
            if report.videoStream?.width == nil {
                result.warningMessages.append(.photoSizeUnknown)
            }
        case .other:
            result.fail(.nothingToSeeOrHear)
        }
        return result
    }

    private func judgeLength(_ report: ProbeReport, into result: inout CheckResult) {
        if let cut = report.cutOff {
            result.fail(.cutOff(presentSeconds: cut.presentSeconds, statedSeconds: report.statedDurationSeconds))
            return
        }
        if let stopped = report.scanStoppedEarly {
            result.fail(.damaged(afterSeconds: report.durationSeconds, detail: stopped.message))
            return
        }
        guard let duration = report.durationSeconds else {
            result.fail(.lengthUnmeasurable)
            return
        }
        if duration > policy.passingLimitSeconds {
            result.fail(.videoOverLimit(durationSeconds: duration, limitSeconds: policy.maxVideoSeconds))
        }
        if report.durationSource == .packets, let stated = report.statedDurationSeconds,
           abs(stated - duration) > 1 {
            result.warningMessages.append(.headerDisagrees(statedSeconds: stated, measuredSeconds: duration))
        }
    }

    /// The rules for every kind: the file size limit, and kinds the policy does not accept.
    private func judgeKind(_ result: CheckResult, path: String) -> CheckResult {
        var judged = result
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        if bytes > policy.maxFileBytes {
            judged.fail(.fileTooLarge(bytes: bytes, limitBytes: policy.maxFileBytes))
        }
        // Only a file that passed everything else gets this reason; "no video" already covers audio.
        if judged.verdict == .pass, !policy.allowedKinds.contains(judged.kind) {
            judged.fail(.kindNotAccepted(judged.kind, accepted: policy.allowedKinds))
        }
        return judged
    }

    static func errorResult(path: String, kind: MediaKind, message: Message) -> CheckResult {
        var result = CheckResult(path: path, kind: kind, verdict: .error)
        result.errorMessage = message
        result.reasonMessages = [message]
        return result
    }

    static func mediaKind(_ kind: ProbeReport.ContentKind) -> MediaKind {
        switch kind {
        case .video: .video
        case .audio: .audio
        case .image: .photo
        case .other: .unknown
        }
    }
}

extension CheckResult {
    mutating func fail(_ reason: Message) {
        verdict = .fail
        if !reasonMessages.contains(reason) { reasonMessages.append(reason) }
    }
}
