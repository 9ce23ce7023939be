import Foundation
import Testing
import TestSupport
@testable import MediaArchive

struct SubmissionPolicyTests {
    @Test func theCommittedPolicyFileHoldsTheDefaults() throws {
        let policy = try SubmissionPolicy.load(from: Fixtures.packageRoot.appendingPathComponent("Archive/policy.json"))
        #expect(policy == .defaults)
        #expect(policy.passingLimitSeconds == 180.5)
        #expect(policy.eventWindow.contains(CalendarDay(2021, 5, 22)))
        #expect(!policy.eventWindow.contains(CalendarDay(2021, 5, 29)))
    }

    @Test func missingKeysKeepTheirDefaults() throws {
        let policy = try JSONDecoder().decode(SubmissionPolicy.self, from: Data(#"{"maxVideoSeconds": 300}"#.utf8))
        #expect(policy.maxVideoSeconds == 300)
        #expect(policy.toleranceSeconds == 0.5)
        #expect(policy.deadline == CalendarDay(2021, 6, 4))
    }

    @Test func aBrokenPolicyFileIsNamedInTheError() throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("policy.json")
        try Data(#"{"deadline": "June 4th"}"#.utf8).write(to: file)
        do {
            _ = try SubmissionPolicy.load(from: file)
            Issue.record("a bad date was accepted")
        } catch let error as ArchiveError {
            let text = "\(error)"
            #expect(text.contains(file.path))
            #expect(text.contains("YYYY-MM-DD"))
        }
    }

    @Test func anUnknownTimeZoneIsRefused() {
        #expect(throws: (any Error).self) {
            _ = try JSONDecoder().decode(SubmissionPolicy.self, from: Data(#"{"timeZone": "Mars/Olympus"}"#.utf8))
        }
    }

    @Test func settingsFallBackToDefaultsWithoutAnArchive() throws {
        let empty = try Fixtures.temporaryFolder()
        let settings = try ArchiveSettings.load(root: empty)
        #expect(settings.policy == .defaults)
        #expect(settings.counties == .puyang)
    }

    @Test func theArchiveRootComesFromFlagThenEnvironment() {
        #expect(ArchiveSettings.root(flag: "/srv/a", environment: ["MEDIA_ARCHIVE": "/srv/b"]).path == "/srv/a")
        #expect(ArchiveSettings.root(flag: nil, environment: ["MEDIA_ARCHIVE": "/srv/b"]).path == "/srv/b")
        #expect(ArchiveSettings.root(flag: nil, environment: [:]).lastPathComponent == "Archive")
    }
}
