import ArchiveServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MediaArchive
import Testing
import TestSupport

/// Names that people type — a county's in counties.json, a file's as handed in, a clerk's on
/// a token — are shown as text on every page that shows them: never run as a script, never
/// read as a template.
struct PageEscapingTests {
    static let countyName = #"<script>alert("county")</script>{{shell.title}}"#
    /// No `/`: a file name cannot hold one.
    static let fileName = "<img src=x onerror=alert('file')>{{page.name}}.jpg"
    static let clerkName = "<script>alert('clerk')</script>{{lead}}"

    /// What a browser shows for `text` when it is escaped as Mustache escapes it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    struct Archive {
        var settings: ArchiveSettings
        var clerkCookie: HTTPFields
        var sha256: String
    }

    /// An open archive whose one county bears the hostile name and holds one photo under the
    /// hostile file name; a clerk with the hostile name.
    static func archive() throws -> Archive {
        var settings = try makeSettings { $0.publicBrowse = true }
        let county = County(slug: "hostile", name: countyName)
        settings.counties = CountyRegistry(counties: [county])
        let folder = try Fixtures.temporaryFolder("hostile-names")
        let photo = folder.appendingPathComponent(fileName)
        try FileManager.default.copyItem(atPath: Fixtures.media("photo.jpg"), toPath: photo.path)
        let receipt = try #require(try Ingester(settings: settings, county: county).ingest(paths: [photo.path]).first)
        #expect(receipt.status == .stored, "\(receipt.reasons)")
        let clerk = try AccessTokens(root: settings.root).create(role: .clerk, name: clerkName).secret
        return Archive(settings: settings, clerkCookie: [.cookie: "media_archive_token=\(clerk)"], sha256: try #require(receipt.sha256?.hex))
    }

    static func pages(_ uris: [String], archive: Archive) async throws -> [String: String] {
        try await testApplication(settings: archive.settings).test(.router) { client in
            var pages: [String: String] = [:]
            for uri in uris {
                pages[uri] = try await client.execute(uri: uri, method: .get, headers: archive.clerkCookie) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return String(buffer: response.body)
                }
            }
            return pages
        }
    }

    /// The hostile text shows, escaped, and nothing of it became markup or a rendered tag.
    static func expectShownAsText(_ name: String, on page: String, _ uri: String) {
        #expect(page.contains(escaped(name)), "\(uri) shows \(name) as text")
        let element = String(name.prefix { $0 != ">" }) + ">"
        #expect(!page.contains(element), "\(uri) holds the element \(element) itself")
    }

    @Test func aCountysNameIsTextOnEveryPageThatShowsIt() async throws {
        let archive = try Self.archive()
        let uris = ["/", "/search", "/search?county=hostile", "/items/\(archive.sha256)", "/ingest", "/board"]
        for (uri, page) in try await Self.pages(uris, archive: archive) {
            Self.expectShownAsText(Self.countyName, on: page, uri)
        }
    }

    @Test func aFilesNameIsTextOnTheSearchAndItemPages() async throws {
        let archive = try Self.archive()
        let uris = ["/search?county=hostile", "/items/\(archive.sha256)", "/board"]
        for (uri, page) in try await Self.pages(uris, archive: archive) {
            Self.expectShownAsText(Self.fileName, on: page, uri)
            // Not rendered as a template either: the page's own name would stand there.
            #expect(page.contains("{{page.name}}.jpg"), "\(uri)")
        }
    }

    @Test func aClerksNameIsTextOnTheIngestPage() async throws {
        let archive = try Self.archive()
        let page = try #require(try await Self.pages(["/ingest"], archive: archive)["/ingest"])
        Self.expectShownAsText(Self.clerkName, on: page, "/ingest")
        #expect(page.contains("{{lead}}"), "the clerk's braces are shown, not filled in")
    }

    /// What a visitor types into the search form comes back escaped in the form's fields.
    @Test func whatWasTypedIntoTheSearchIsTextInTheForm() async throws {
        let archive = try Self.archive()
        let typed = "\"><script>alert(1)</script>{{shell}}"
        let query = "/search?text=" + (typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let page = try #require(try await Self.pages([query], archive: archive)[query])
        #expect(page.contains(#"name="text" value="\#(Self.escaped(typed))""#))
        #expect(!page.contains("<script>alert"))
    }

    /// The county portal's pages show the county's own typed words — file names, a clerk's
    /// note, what it typed into a registration record — as text.
    @Test func whatACountyOrItsClerkTypedIsTextOnThePortalPages() async throws {
        var archive = try Self.archive()
        let settings = archive.settings
        let county = try settings.counties.resolve("hostile")
        let note = "<script>alert('note')</script>{{page.heading}}"
        let round = settings.rounds.current(today: settings.day())
        try MarkLog(settings: settings).append(ItemMark(time: AuditLog.stamp(Date(), in: settings.policy.zone), mark: .returned,
                                                        round: round.id, sha256: SHA256Hash(hex: archive.sha256), part: .photo, note: note, by: .token(
                                                            try #require(try AccessTokens(root: settings.root).all().first))), county: county)
        let typed = "<script>alert('form')</script>\"><b>{{shell.title}}"
        try FormStore(settings: settings).add([FormRecord(form: .keyProject, county: "hostile", round: round.id, entry: nil,
                                                          fields: ["projectName": typed], enteredAt: AuditLog.stamp(Date(), in: settings.policy.zone))])
        let secret = try AccessTokens(root: settings.root).create(role: .county, county: "hostile").secret
        archive.clerkCookie = [.cookie: "media_archive_token=\(secret)"]
        let pages = try await Self.pages(["/portal", "/portal/receipt", "/portal/forms"], archive: archive)
        for uri in ["/portal", "/portal/receipt"] {
            Self.expectShownAsText(Self.fileName, on: pages[uri] ?? "", uri)
            Self.expectShownAsText(note, on: pages[uri] ?? "", uri)
            Self.expectShownAsText(Self.countyName, on: pages[uri] ?? "", uri)
        }
        Self.expectShownAsText(typed, on: pages["/portal/forms"] ?? "", "/portal/forms")
        #expect(pages["/portal/forms"]?.contains("{{shell.title}}") == true, "the braces are shown, not filled in")
    }
}
