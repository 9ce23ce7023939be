import Testing
import TestSupport
@testable import MediaArchive

/// The verdicts county staff see for every fixture: pass, fail or unreadable, and why.
struct SubmissionCheckerTests {
    let checker = SubmissionChecker(policy: .defaults)

    func check(_ name: String) -> CheckResult {
        checker.check(path: Fixtures.media(name))
    }

    @Test(arguments: [
        ("clip-179.9s.mp4", 179.9),
        ("clip-180.0s.mp4", 180.0),
        ("clip-180.3s.mp4", 180.3), // within the 0.5 s tolerance
        ("县 科技周 开幕式.mp4", 2.0),
        ("pipe.webm", 5.02),
        ("pipe.mkv", 5.03),
        ("offset.ts", 4.03),
        ("audio-longer.mp4", 6.0),
        ("phone-rotated.mp4", 3.0),
        ("hevc.mov", 2.0),
        ("sample.avi", 2.06),
        ("sample.3gp", 2.0),
        ("sample.flv", 2.05),
    ])
    func videosWithinTheLimitPass(name: String, seconds: Double) throws {
        let result = check(name)
        #expect(result.kind == .video)
        #expect(result.verdict == .pass, "\(result.reasons)")
        #expect(result.reasons.isEmpty)
        #expect(abs(try #require(result.durationSeconds) - seconds) <= 0.1)
    }

    @Test func aVideoOverTheLimitFailsWithHowFarOver() throws {
        let result = check("clip-181s.mp4")
        #expect(result.verdict == .fail)
        #expect(result.durationSource == "packets") // confirmed before failing
        #expect(result.reasons == ["3:01.00 — 1 s over the 3:00 limit; trim it and check again"])
    }

    @Test func theSampleOverLimitClipSaysTwelveSecondsOver() throws {
        let sample = Fixtures.packageRoot.appendingPathComponent("Samples/清丰县-科普讲座.mp4").path
        let result = checker.check(path: sample)
        #expect(result.verdict == .fail)
        #expect(result.reasons.first?.hasPrefix("3:12.00 — 12 s over the 3:00 limit") == true)
    }

    @Test func aCutOffFileNeverPasses() {
        let result = check("faststart-cut.mp4")
        #expect(result.kind == .video)
        #expect(result.verdict == .fail)
        #expect(result.reasons.first?.contains("cut off") == true)
        #expect(result.reasons.first?.contains("of 0:10.00") == true)
    }

    @Test func soundWithoutPictureFailsAsNoVideo() {
        let result = check("audio-only.mp4")
        #expect(result.kind == .audio)
        #expect(result.verdict == .fail)
        #expect(result.reasons.count == 1)
        #expect(result.reasons.first?.hasPrefix("no video") == true)
    }

    @Test(arguments: ["photo.jpg", "photo-named-video.mp4"])
    func photosAreRecognisedByContent(name: String) {
        let result = check(name)
        #expect(result.kind == .photo)
        #expect(result.verdict == .pass)
        #expect(result.durationSeconds == nil)
    }

    @Test func aPDFIsADocument() {
        let result = check("summary.pdf")
        #expect(result.kind == .document)
        #expect(result.verdict == .pass)
    }

    @Test func aPlainTextSummaryIsADocumentButTextNamedMP4IsNot() throws {
        let summary = try Fixtures.temporaryFolder().appendingPathComponent("清丰县科技周总结.txt")
        try Data("清丰县2021年科技活动周工作总结\n".utf8).write(to: summary)
        #expect(checker.check(path: summary.path).kind == .document)
        #expect(check("text.mp4").verdict == .error)
    }

    @Test(arguments: [
        ("empty.mp4", "empty"),
        ("truncated.mp4", "cut off or damaged (no index found)"),
        ("random.mp4", "not a video or photo"),
        ("text.mp4", "text file"),
        ("no-such-file.mp4", "does not exist"),
    ])
    func unreadableFilesAreErrorsThatSayWhy(name: String, phrase: String) throws {
        let result = check(name)
        #expect(result.verdict == .error)
        #expect(result.kind == .unknown)
        let message = try #require(result.error)
        #expect(message.contains(phrase), "\(message)")
    }

    @Test func theDurationLimitComesFromThePolicy() {
        var policy = SubmissionPolicy.defaults
        policy.maxVideoSeconds = 60
        let result = SubmissionChecker(policy: policy).check(path: Fixtures.media("clip-179.9s.mp4"))
        #expect(result.verdict == .fail)
        #expect(result.reasons.first?.contains("over the 1:00 limit") == true)
    }

    @Test func aKindThePolicyDoesNotAcceptFails() {
        var policy = SubmissionPolicy.defaults
        policy.allowedKinds = [.video]
        let result = SubmissionChecker(policy: policy).check(path: Fixtures.media("photo.jpg"))
        #expect(result.verdict == .fail)
        #expect(result.reasons.first?.contains("photo files are not accepted") == true)
    }

    @Test func aFileOverTheSizeLimitFails() {
        var policy = SubmissionPolicy.defaults
        policy.maxFileBytes = 1000
        let result = SubmissionChecker(policy: policy).check(path: Fixtures.media("hevc.mov"))
        #expect(result.verdict == .fail)
        #expect(result.reasons.first?.contains("over the") == true)
    }

    @Test func aBatchKeepsGoingPastBadFilesAndKeepsOrder() {
        let names = ["text.mp4", "clip-179.9s.mp4", "empty.mp4", "clip-181s.mp4", "photo.jpg"]
        let results = CheckBatch(checker: checker).run(paths: names.map(Fixtures.media))
        #expect(results.map(\.path) == names.map(Fixtures.media))
        #expect(results.map(\.verdict) == [.error, .pass, .error, .fail, .pass])
        #expect(ExitStatus.forVerdicts(results.map(\.verdict)) == 2)
    }

    @Test func aFolderIsWalkedAndHiddenFilesSkipped() throws {
        let folder = try Fixtures.temporaryFolder()
        let nested = folder.appendingPathComponent("清丰县/第一批")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.media("clip-179.9s.mp4"), toPath: nested.appendingPathComponent("a.mp4").path)
        try FileManager.default.copyItem(atPath: Fixtures.media("photo.jpg"), toPath: folder.appendingPathComponent("b.jpg").path)
        try Data("junk".utf8).write(to: folder.appendingPathComponent(".DS_Store"))
        let results = CheckBatch(checker: checker).run(paths: [folder.path])
        #expect(results.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted() == ["a.mp4", "b.jpg"])
        #expect(results.allSatisfy { $0.verdict == .pass })
    }
}

import Foundation
