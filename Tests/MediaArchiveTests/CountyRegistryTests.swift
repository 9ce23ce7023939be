import Foundation
import Testing
import TestSupport
@testable import MediaArchive

struct CountyRegistryTests {
    @Test func theCommittedRegistryIsPuyang() throws {
        let registry = try CountyRegistry.load(from: Fixtures.packageRoot.appendingPathComponent("Archive/counties.json"))
        #expect(registry == .puyang)
        #expect(registry.counties.count == 10)
    }

    @Test(arguments: ["qingfeng", "清丰县", "410922", " QingFeng "])
    func aCountyIsFoundBySlugNameOrCode(_ text: String) throws {
        #expect(try CountyRegistry.puyang.resolve(text).slug == "qingfeng")
    }

    @Test func theFullOfficialNameWorksToo() throws {
        #expect(try CountyRegistry.puyang.resolve("濮阳经济技术开发区").slug == "kaifaqu")
    }

    @Test func anUnknownCountyListsTheKnownOnes() {
        do {
            _ = try CountyRegistry.puyang.resolve("atlantis")
            Issue.record("an unknown county resolved")
        } catch {
            #expect("\(error)".contains("hualong (华龙区)"))
        }
    }

    @Test(arguments: ["../etc", "a/b", "", "Hualong", "-x"])
    func slugsThatCouldEscapeTheArchiveAreRefused(_ slug: String) throws {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appendingPathComponent("counties.json")
        let json = try JSONEncoder().encode([County(slug: slug, name: "x")])
        try json.write(to: file)
        #expect(throws: ArchiveError.self) { _ = try CountyRegistry.load(from: file) }
    }
}
