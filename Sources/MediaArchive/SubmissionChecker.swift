import Foundation
import MediaFacts

/// Applies the submission policy to files: the 3-minute gate and basic validity.
/// Stores nothing; what a file is comes from `MediaFacts`, read once.
public struct SubmissionChecker: Sendable {
    public var policy: SubmissionPolicy
    /// Who opens the files: this process (the command line) or a worker (the server).
    public var source: any FactsSource

    public init(policy: SubmissionPolicy, source: any FactsSource = InProcessFacts()) {
        self.policy = policy
        self.source = source
    }

    /// Checks one file. Never throws: whatever goes wrong becomes the file's verdict.
    public func check(path: String) -> CheckResult {
        evaluate(path: path, depth: .check).result
    }

    /// The verdict on a file and the facts it rests on (for `inspect` and `ingest`).
    struct Evaluation {
        var result: CheckResult
        var facts: FileFacts
    }

    var reader: FactsReader {
        FactsReader(assumedZone: policy.zone, confirmDurationsAbove: policy.passingLimitSeconds)
    }

    func evaluate(path: String, depth: FactsReader.Depth) -> Evaluation {
        let facts: FileFacts
        do {
            facts = try source.facts(path: path, depth: depth, reader: reader)
        } catch {
            // Nothing was learnt about the file; it gets the one error that says so.
            var unread = FileFacts(path: path, kind: .unknown, signature: .other)
            unread.problem = .other(error.description)
            return Evaluation(result: Self.notCheckedSafely(path: path), facts: unread)
        }
        return Evaluation(result: judge(facts), facts: facts)
    }

    func judge(_ facts: FileFacts) -> CheckResult {
        if let problem = facts.problem {
            let message = Message(problem)
            // A photo the photo library refused says so; anything else was not read as anything.
            return facts.kind == .photo
                ? Self.errorResult(path: facts.path, kind: .photo, message: .photoUnreadable(problem: message))
                : Self.errorResult(path: facts.path, kind: .unknown, message: message)
        }
        var result = CheckResult(path: facts.path, kind: Self.mediaKind(facts.kind), verdict: .pass)
        result.format = facts.format
        result.durationSeconds = facts.duration?.seconds
        result.durationSource = facts.duration?.source.rawValue
        if let video = facts.video {
            result.video = .init(codec: video.codec, width: video.width, height: video.height,
                                 fps: video.framesPerSecond, rotation: video.rotation)
        }
        if let audio = facts.audio {
            result.audio = .init(codec: audio.codec, channels: audio.channels, sampleRate: audio.sampleRate)
        }
        switch facts.kind {
        case .video:
            judgeLength(facts, into: &result)
        case .audio:
            result.fail(.audioOnly)
        case .nothing:
            result.fail(.nothingToSeeOrHear)
        case .photo, .document, .unknown:
            break
        }
        // A check reads only the container's warnings; `inspect` reads the EXIF's too.
        result.warningMessages += facts.warnings.map(Message.init)
        return judgeKind(result, bytes: facts.byteCount ?? 0)
    }

    private func judgeLength(_ facts: FileFacts, into result: inout CheckResult) {
        switch facts.damage {
        case .cutOff(let presentSeconds)?:
            result.fail(.cutOff(presentSeconds: presentSeconds, statedSeconds: facts.statedDurationSeconds))
            return
        case .stoppedEarly(let detail)?:
            result.fail(.damaged(afterSeconds: facts.duration?.seconds, detail: detail))
            return
        case nil:
            break
        }
        guard let duration = facts.duration?.seconds else {
            result.fail(.lengthUnmeasurable)
            return
        }
        if duration > policy.passingLimitSeconds {
            result.fail(.videoOverLimit(durationSeconds: duration, limitSeconds: policy.maxVideoSeconds))
        }
        if facts.duration?.source == .packets, let stated = facts.statedDurationSeconds,
           abs(stated - duration) > 1 {
            result.warningMessages.append(.headerDisagrees(statedSeconds: stated, measuredSeconds: duration))
        }
    }

    /// The rules for every kind: the file size limit, and kinds the policy does not accept.
    private func judgeKind(_ result: CheckResult, bytes: Int64) -> CheckResult {
        var judged = result
        if bytes > policy.maxFileBytes {
            judged.fail(.fileTooLarge(bytes: bytes, limitBytes: policy.maxFileBytes))
        }
        // Only a file that passed everything else gets this reason; "no video" already covers audio.
        if judged.verdict == .pass, !policy.allowedKinds.contains(judged.kind) {
            judged.fail(.kindNotAccepted(judged.kind, accepted: policy.allowedKinds))
        }
        return judged
    }

    /// The verdict on a file whose reading stopped the process reading it (`UnsafeFile`).
    public static func notCheckedSafely(path: String) -> CheckResult {
        errorResult(path: path, kind: .unknown, message: .notCheckedSafely)
    }

    static func errorResult(path: String, kind: MediaKind, message: Message) -> CheckResult {
        var result = CheckResult(path: path, kind: kind, verdict: .error)
        result.errorMessage = message
        result.reasonMessages = [message]
        return result
    }

    static func mediaKind(_ kind: FileFacts.Kind) -> MediaKind {
        switch kind {
        case .video: .video
        case .audio: .audio
        case .photo: .photo
        case .document: .document
        case .nothing, .unknown: .unknown
        }
    }
}

extension CheckResult {
    mutating func fail(_ reason: Message) {
        verdict = .fail
        if !reasonMessages.contains(reason) { reasonMessages.append(reason) }
    }
}
