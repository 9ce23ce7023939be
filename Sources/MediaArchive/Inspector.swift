import Foundation
import MediaFacts

/// Reads everything known about files: the check, plus capture time, camera, place and text.
public struct Inspector: Sendable {
    public var checker: SubmissionChecker

    public init(checker: SubmissionChecker) {
        self.checker = checker
    }

    private var policy: SubmissionPolicy { checker.policy }

    public func inspect(paths: [String]) -> [InspectResult] {
        let inspector = self
        return MediaPaths.expand(paths).parallelMap { inspector.inspect(path: $0) }
    }

    public func inspect(path: String) -> InspectResult {
        let evaluation = checker.evaluate(path: path, depth: .everything)
        let facts = evaluation.facts
        var result = InspectResult(check: evaluation.result)
        if facts.problem == nil {
            result.captured = facts.captured
            result.camera = facts.camera
            result.gps = facts.gps
            result.orientation = facts.orientation
            result.title = facts.title
            result.description = facts.description
            result.comment = facts.comment
            result.width = facts.storedSize?.width
            result.height = facts.storedSize?.height
            result.displayWidth = facts.displaySize?.width
            result.displayHeight = facts.displaySize?.height
        }
        if let captured = result.captured {
            let day = CalendarDay(of: captured.date, in: policy.zone)
            if !policy.eventWindow.contains(day) {
                result.check.warningMessages.append(
                    .capturedOutsideWindow(day: day, start: policy.eventWindow.start, end: policy.eventWindow.end))
            }
        }
        return result
    }
}
