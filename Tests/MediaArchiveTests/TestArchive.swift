import Foundation
@testable import MediaArchive
import TestSupport

/// A throw-away archive in a temporary folder, filled through the real `Ingester`.
struct TestArchive {
    let root: URL
    let settings: ArchiveSettings

    /// 2021-05-25 10:00 in Puyang: during the science week, before the deadline.
    static let duringTheWeek = Date(timeIntervalSince1970: 1_621_908_000)
    /// 2021-06-04 23:00 in Puyang: the last hour of the deadline day.
    static let lastHourOfDeadline = Date(timeIntervalSince1970: 1_622_818_800)
    /// 2021-06-05 00:00 in Puyang: the first moment after the deadline.
    static let dayAfterDeadline = Date(timeIntervalSince1970: 1_622_822_400)

    init() throws {
        root = try Fixtures.temporaryFolder("archive")
        settings = ArchiveSettings(root: root, policy: .defaults, counties: .puyang)
    }

    func county(_ slug: String) throws -> County {
        try settings.counties.resolve(slug)
    }

    /// Ingests fixtures, each handed in under the name given (a copy in a folder of its own,
    /// so two different files can share a name).
    @discardableResult
    func ingest(_ files: [(fixture: String, name: String)], county slug: String, at date: Date = duringTheWeek) throws -> [IngestReceipt] {
        let handIn = try Fixtures.temporaryFolder("hand-in")
        defer { try? FileManager.default.removeItem(at: handIn) }
        var paths: [String] = []
        for (index, file) in files.enumerated() {
            let folder = handIn.appendingPathComponent("\(index)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let copy = folder.appendingPathComponent(file.name)
            try FileManager.default.copyItem(atPath: Fixtures.media(file.fixture), toPath: copy.path)
            paths.append(copy.path)
        }
        let ingester = Ingester(settings: settings, county: try county(slug), acceptFailing: true, now: { date })
        return try ingester.ingest(paths: paths)
    }

    func entries(_ slug: String) throws -> [CatalogEntry] {
        var query = CatalogQuery()
        query.counties = [try county(slug)]
        return try Catalog(settings: settings).search(query)
    }

    /// Rewrites an entry's original names in its day shard, as a hand-edited or hostile
    /// catalogue might have them (no file system lets a name hold "/" or NUL).
    func setOriginalNames(_ names: [String], sha256: SHA256Hash, county slug: String) throws {
        let days = root.appendingPathComponent("\(slug)/index/days")
        let enumerator = FileManager.default.enumerator(at: days, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            var shard = try JSONDecoder().decode([CatalogEntry].self, from: Data(contentsOf: url))
            guard let index = shard.firstIndex(where: { $0.sha256 == sha256 }) else { continue }
            shard[index].originalNames = names
            try JSONEncoder().encode(shard).write(to: url)
            return
        }
        throw CocoaError(.fileNoSuchFile)
    }

    /// Flips one byte in the middle of a stored object, as a failing disk would.
    func damageObject(of entry: CatalogEntry) throws {
        let url = root.appendingPathComponent(entry.object!)
        var data = try Data(contentsOf: url)
        data[data.count / 2] ^= 0xFF
        try data.write(to: url)
    }

    /// Every regular file under `folder`, relative to it.
    static func files(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            found.append(path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path)
        }
        return found.sorted()
    }
}
