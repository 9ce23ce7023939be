import Foundation
import Testing
import TestSupport
@testable import ArchiveServer

/// SwiftPM compiles Templates/ and Assets/ into the binary but lists them nowhere; the server's
/// tables name each file. A file added to a folder and not to its table would be missing from
/// the server (and from the .deb) without a word.
struct EmbeddedFilesTests {
    static func files(_ folder: String, ending suffix: String = "") throws -> Set<String> {
        let url = Fixtures.packageRoot.appendingPathComponent("Sources/ArchiveServer").appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        return Set(names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) })
    }

    @Test func everyTemplateFileIsInTheServersTable() throws {
        #expect(Set(EmbeddedFiles.templates.keys) == (try Self.files("Templates", ending: ".mustache")))
    }

    @Test func everyAssetFileIsInTheServersTable() throws {
        #expect(Set(EmbeddedFiles.assets.keys) == (try Self.files("Assets")))
    }

    /// Every template parses (a mistake would stop the server at start) and fills its layout.
    @Test func everyTemplateParses() throws {
        let library = PageTemplates.library()
        for name in EmbeddedFiles.templates.keys {
            #expect(library.getTemplate(named: name) != nil, "\(name)")
        }
    }
}
