import Foundation
import Testing
import TestSupport
@testable import MediaArchive

struct AccessTokensTests {
    @Test func aCreatedTokenVerifiesAndOnlyItsHashIsStored() throws {
        let tokens = AccessTokens(root: try Fixtures.temporaryFolder())
        let issued = try tokens.create(role: .clerk, name: "南乐县 clerk")
        #expect(issued.secret.count == 64 && issued.secret.allSatisfy(\.isHexDigit))
        #expect(issued.token.id == String(issued.token.sha256.prefix(8)))
        #expect(try tokens.verify(secret: issued.secret) == issued.token)
        #expect(try tokens.verify(secret: String(issued.secret.dropLast()) + "x") == nil)
        #expect(try tokens.verify(secret: "") == nil)

        let stored = try String(contentsOf: tokens.file, encoding: .utf8)
        #expect(!stored.contains(issued.secret), "tokens.json never holds a secret")
        #expect(stored.contains(issued.token.sha256))
        #expect(stored.contains("南乐县 clerk") && stored.contains("\"clerk\""))
        let createdAt = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: tokens.file)) as? [String: [[String: Any]]])?["tokens"]?.first?["createdAt"] as? String)
        #expect(createdAt.hasSuffix("Z") && createdAt.contains("T"), "ISO 8601, got \(createdAt)")
    }

    @Test func everyTokenHasItsOwnSecretAndTheListKeepsThemInOrder() throws {
        let tokens = AccessTokens(root: try Fixtures.temporaryFolder())
        #expect(try tokens.all().isEmpty)
        let first = try tokens.create(role: .archivist)
        let second = try tokens.create(role: .clerk, name: "华龙区")
        #expect(first.secret != second.secret)
        #expect(first.token.name == "archivist-\(first.token.id)")
        #expect(try tokens.all().map(\.name) == [first.token.name, "华龙区"])
        #expect(try tokens.verify(secret: second.secret)?.role == .clerk)
    }

    @Test func revokeByIdOrNameStopsTheToken() throws {
        let tokens = AccessTokens(root: try Fixtures.temporaryFolder())
        let byID = try tokens.create(role: .archivist)
        let byName = try tokens.create(role: .clerk, name: "清丰县")
        let kept = try tokens.create(role: .clerk)
        #expect(try tokens.revoke(byID.token.id) == byID.token)
        #expect(try tokens.revoke("清丰县").id == byName.token.id)
        #expect(try tokens.verify(secret: byID.secret) == nil)
        #expect(try tokens.verify(secret: byName.secret) == nil)
        #expect(try tokens.verify(secret: kept.secret) == kept.token)
        #expect(throws: AccessTokenError.unknownToken("清丰县")) { try tokens.revoke("清丰县") }
    }

    @Test func namesAreUniqueAndCannotPassForIDs() throws {
        let tokens = AccessTokens(root: try Fixtures.temporaryFolder())
        _ = try tokens.create(role: .clerk, name: "南乐县")
        #expect(throws: AccessTokenError.nameTaken("南乐县")) { try tokens.create(role: .archivist, name: "南乐县") }
        #expect(throws: AccessTokenError.badName("deadbeef")) { try tokens.create(role: .archivist, name: "deadbeef") }
        #expect(throws: AccessTokenError.badName("")) { try tokens.create(role: .archivist, name: "") }
        #expect(try tokens.all().count == 1)
    }

    @Test func aBrokenTokensFileIsNamedInTheError() throws {
        let tokens = AccessTokens(root: try Fixtures.temporaryFolder())
        try Data(#"{"tokens": [{"id": "1"}]}"#.utf8).write(to: tokens.file)
        do {
            _ = try tokens.verify(secret: "anything")
            Issue.record("a broken tokens.json was accepted")
        } catch let error as AccessTokenError {
            #expect("\(error)".contains(tokens.file.path))
        }
        #expect(throws: AccessTokenError.self) { try tokens.create(role: .clerk) }
    }

    @Test func aMissingArchiveFolderIsRefused() throws {
        let missing = try Fixtures.temporaryFolder().appendingPathComponent("no-such-archive")
        #expect(throws: AccessTokenError.noArchive(path: missing.path)) {
            try AccessTokens(root: missing).create(role: .clerk)
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func concurrentCreatesAllLand() async throws {
        let tokens = AccessTokens(root: try Fixtures.temporaryFolder())
        let secrets = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 {
                group.addTask { try tokens.create(role: .clerk, name: "clerk \(index)").secret }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(try tokens.all().count == 16)
        for secret in secrets { #expect(try tokens.verify(secret: secret) != nil) }
    }

    @Test func publicBrowseDefaultsToOffAndCanBeSet() throws {
        #expect(SubmissionPolicy.defaults.publicBrowse == false)
        let policy = try JSONDecoder().decode(SubmissionPolicy.self, from: Data(#"{"publicBrowse": true}"#.utf8))
        #expect(policy.publicBrowse)
        #expect(policy.maxVideoSeconds == 180)
    }
}
