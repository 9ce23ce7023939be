import Foundation
import Testing
import TestSupport
@testable import MediaArchive

/// `search --json` puts the sentences into a schema-3 line without decoding it: the same bytes as
/// decoding the entry and encoding it again.
struct WordedLinesTests {
    @Test("Every stored line shows byte for byte as its decoded entry does, sentences in both languages")
    func sameBytesAsDecoding() throws {
        let archive = try TestArchive()
        try archive.ingest([("photo.jpg", "a.jpg"), ("clip-181s.mp4", "太长.mp4"), ("summary.pdf", "总结.pdf"), ("still-66x50.png", "b.png"),
                            ("odd-59x101.jpg", "c.jpg"), ("hevc.mov", "d.mov"), ("clip-179.9s.mp4", "e.mp4")],
                           county: "nanle", at: TestArchive.dayAfterDeadline)
        let link = try #require(MediaReportLink(url: "https://www.pyxw.cn/news/2021/0523.html", title: "南乐县\"科技周\"开幕 \\ 50%",
                                                outlet: "濮阳日报", published: CalendarDay(2021, 5, 23)))
        _ = try Ingester(settings: archive.settings, county: try archive.county("nanle"), now: { TestArchive.duringTheWeek }).ingest(link: link)
        let catalog = Catalog(settings: archive.settings)
        let shown = try catalog.searchJSONLines(CatalogQuery())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let decoded = try catalog.search(CatalogQuery()).map { try encoder.encode($0) }
        #expect(shown.count == 8)
        #expect(shown == decoded)
        #expect(shown.contains { String(decoding: $0, as: UTF8.self).contains("over the 3:00 limit") })
        // Every line took the cheap path: none is laid out otherwise.
        var worded = WordedLines()
        for line in try catalog.entryLinesForTest() { #expect(worded.shown(line) != nil) }
    }

    @Test("A line laid out otherwise is left to the decoder")
    func otherLayouts() {
        var worded = WordedLines()
        #expect(worded.shown(Data("{\"messages\":{\"reasons\":[],\"warnings\":[]},\"round\":\"2021\"}".utf8)) == nil) // no width
        #expect(worded.shown(Data("[]".utf8)) == nil)
        #expect(worded.shown(Data("{\"messages\":{\"reasons\":[{\"code\":\"nonsense\"}],\"warnings\":[]},\"round\":\"2021\",\"width\":1}".utf8)) == nil)
        let line = Data("{\"messages\":{\"reasons\":[],\"warnings\":[]},\"round\":\"2021\",\"width\":null}".utf8)
        #expect(worded.shown(line).map { String(decoding: $0, as: UTF8.self) }
                == "{\"messages\":{\"reasons\":[],\"warnings\":[]},\"reasons\":[],\"round\":\"2021\",\"warnings\":[],\"width\":null,\"zh\":{\"reasons\":[],\"warnings\":[]}}")
    }
}

extension Catalog {
    /// Every stored line of every county, as the catalogue keeps it.
    func entryLinesForTest() throws -> [Data] {
        var lines: [Data] = []
        try forEachLine(CatalogQuery()) { lines.append($0.json); return true }
        return lines
    }
}
