public import Foundation
import MediaFacts

/// A hand-over copy of one county's catalogued objects, in a new or empty folder: files with
/// readable names, each verified against its catalogue SHA-256 as it is copied, plus a manifest
/// (JSON and CSV); or, on request, the same as a BagIt 1.0 bag (RFC 8493).
///
/// ```
/// DIR/2021-05-23 科技周开幕式.mp4          DIR/bagit.txt  bag-info.txt
/// DIR/2021-05-23 科技周开幕式 (2).mp4      DIR/data/2021-05-23 科技周开幕式.mp4 …
/// DIR/manifest.json  manifest.csv          DIR/manifest-sha256.txt  tagmanifest-sha256.txt
///                                          DIR/catalogue.json  catalogue.csv
/// ```
///
/// A missing or corrupt object is reported and left out; the others are still exported. A
/// folder that already holds anything is refused, so nothing is ever overwritten.
public struct HandOverExport: Sendable {
    public var settings: ArchiveSettings
    public var county: County
    public var destination: URL
    /// Inclusive day bounds, matched against each entry's `day` (capture day, else ingest day).
    public var from: CalendarDay?
    public var until: CalendarDay?
    public var bagIt: Bool
    /// Only this round's entries (nil: every round).
    public var round: String? = nil
    /// The clock (for Bagging-Date and exportedAt), replaceable in tests.
    public var now: @Sendable () -> Date

    public init(settings: ArchiveSettings, county: County, destination: URL, from: CalendarDay? = nil,
                until: CalendarDay? = nil, bagIt: Bool = false, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.county = county
        self.destination = destination.standardizedFileURL
        self.from = from
        self.until = until
        self.bagIt = bagIt
        self.now = now
    }

    var zone: TimeZone { settings.policy.zone }

    /// Where entries and objects are; nil: the archive folder's (issue 14's seams).
    public var catalogue: (any EntryCatalogue)? = nil
    public var objectStore: (any ObjectStore)? = nil

    /// Exports; throws `ArchiveError.exportDestination` when the folder cannot be used or
    /// written, and `ArchiveError.catalogue` when the catalogue cannot be read.
    public func run() throws -> ExportResult {
        var query = CatalogQuery()
        query.counties = [county]
        query.from = from
        query.to = until
        query.round = round
        let entries = try Catalog(settings: settings, catalogue: catalogue).search(query)
        let folder = try CountyFolder(root: settings.root, county: county)

        try prepareDestination(needing: entries.reduce(0) { $0 + $1.bytes })
        let payloadFolder = bagIt ? destination.appendingPathComponent("data", isDirectory: true) : destination
        let payloadPrefix = bagIt ? "data/" : ""
        if bagIt { try createFolder(payloadFolder) }

        var naming = ExportNaming(reserved: bagIt ? [] : [Self.plainManifest, Self.plainList])
        var items: [ExportManifest.Item] = []
        var problems: [ExportProblem] = []
        var bytes: Int64 = 0
        // A media report handed in as a link has no file: it goes into links.csv instead.
        for entry in entries where entry.kind != .link {
            let stored = entry.object ?? ""
            func problem(_ kind: ExportProblem.Kind, _ message: String) {
                problems.append(ExportProblem(sha256: entry.sha256, object: stored,
                                              originalName: entry.originalNames.first, problem: kind, message: message))
            }
            let object: URL
            var fetched = false
            do {
                if let objectStore {
                    // Another store: the object is fetched to a hidden file first, then copied
                    // and re-hashed as a stored file is; the fetched copy goes afterwards.
                    guard try objectStore.size(key: stored) != nil else {
                        problem(.missing, "the stored file \(stored) is missing; run `media-archive verify` and ask the county for the file again")
                        continue
                    }
                    (object, fetched) = try objectStore.localFile(key: stored, scratch: payloadFolder)
                } else {
                    object = try folder.resolve(stored)
                }
            } catch is ArchiveError {
                problem(.unsafe, "the catalogue's path for this item points outside the county's folder; run `media-archive verify`")
                continue
            } catch {
                problem(.unreadable, "\(Ingester.explain(error).text(in: .en)); it was not exported")
                continue
            }
            defer { if fetched { try? FileManager.default.removeItem(at: object) } }
            guard FileManager.default.fileExists(atPath: object.path) else {
                problem(.missing, "the stored file \(stored) is missing; run `media-archive verify` and ask the county for the file again")
                continue
            }
            let name = naming.name(for: entry)
            do {
                switch try VerifiedCopy.copy(from: object, to: payloadFolder.appendingPathComponent(name), expectedSHA256: entry.sha256) {
                case .copied(let count):
                    bytes += count
                    items.append(ExportManifest.Item(file: payloadPrefix + name, entry: entry))
                case .corrupt(let actual):
                    problem(.corrupt, "the stored file \(stored) is damaged (its SHA-256 is now \(actual.abbreviated)…, not the catalogued one); it was not exported — run `media-archive verify` and ask the county for the file again")
                }
            } catch .source(let message) {
                problem(.unreadable, "\(message); it was not exported")
            } catch .destination(let message) {
                throw ArchiveError.exportDestination(path: destination.path, reason: .exportIncomplete(problem: .untranslated(message)))
            }
        }

        let manifest = ExportManifest(
            county: county.slug, name: county.name, fullName: county.fullName, code: county.code,
            exportedAt: TimeStamp.iso8601(now(), utcOffsetSeconds: zone.secondsFromGMT(for: now())),
            from: from?.description, until: until?.description, files: items.count, bytes: bytes,
            items: items, problems: problems)
        let manifestName = bagIt ? Self.bagManifest : Self.plainManifest
        let links = entries.filter { $0.kind == .link }
        // The round's registration-form records travel with its files (every round's without --round).
        let forms = try FormStore(settings: settings, storage: catalogue?.formStorage).handOverCSV(county: county, rounds: round.map { [$0] } ?? settings.rounds.rounds.map(\.id))
        let extraFiles = (links.isEmpty ? [] : [(Self.linkList, ExportManifest.linksCSV(links))])
            + (forms.map { [(Self.formList, $0)] } ?? [])
        do {
            if bagIt {
                try writeBag(manifest: manifest, extraFiles: extraFiles)
            } else {
                try AtomicFile.write(try manifest.json(), to: destination.appendingPathComponent(Self.plainManifest))
                try AtomicFile.write(manifest.csv(), to: destination.appendingPathComponent(Self.plainList))
                for (name, data) in extraFiles { try AtomicFile.write(data, to: destination.appendingPathComponent(name)) }
            }
            AtomicFile.syncFolder(payloadFolder)
            AtomicFile.syncFolder(destination)
        } catch {
            throw ArchiveError.exportDestination(path: destination.path, reason: .manifestNotWritten(problem: Ingester.explain(error)))
        }

        return ExportResult(
            county: county.slug, name: county.name, to: destination.path, from: from?.description,
            until: until?.description, files: items.count, bytes: bytes, bagit: bagIt, manifest: manifestName,
            problems: problems, exported: items.map { ExportedFile(sha256: $0.entry.sha256, file: $0.file) })
    }

    static let plainManifest = "manifest.json"
    static let plainList = "manifest.csv"
    static let bagManifest = "catalogue.json"
    static let bagList = "catalogue.csv"
    /// Media reports handed in as links: they have no file, so they are listed here.
    static let linkList = "links.csv"
    /// The registration-form records of the county (both forms, one table).
    static let formList = "forms.csv"

    private func writeBag(manifest: ExportManifest, extraFiles: [(name: String, data: Data)]) throws {
        var info: [(label: String, value: String)] = [
            ("Source-Organization", county.fullName.map { "\(county.name) (\($0))" } ?? county.name),
            ("Bagging-Date", CalendarDay(of: now(), in: zone).description),
            ("External-Identifier", externalIdentifier),
            ("Bag-Software-Agent", "media-archive"),
            ("Internal-Sender-Description", "\(county.name): \(manifest.files) catalogued item(s)"
                + (from != nil || until != nil ? ", days \(from?.description ?? "…") to \(until?.description ?? "…")" : "")
                + "; \(Self.bagManifest) holds their catalogue entries"),
        ]
        if let code = county.code { info.append(("Organization-Code", code)) }
        if let round, let named = settings.rounds.round(id: round) { info.append(("Round", "\(named.id) \(named.name)")) }
        let payload = manifest.items.map { BagIt.PayloadFile(path: $0.file, sha256: $0.entry.sha256) }
        try BagIt(root: destination).write(payload: payload, payloadBytes: manifest.bytes, info: info,
                                           tagFiles: [(Self.bagManifest, try manifest.json()), (Self.bagList, manifest.csv())] + extraFiles)
    }

    /// "media-archive:hualong", "media-archive:hualong:round-2021", "media-archive:hualong:2021-05-22..2021-05-28".
    private var externalIdentifier: String {
        var text = "media-archive:\(county.slug)"
        if let round { text += ":round-\(round)" }
        if from != nil || until != nil { text += ":\(from?.description ?? "")..\(until?.description ?? "")" }
        return text
    }

    /// Creates the folder, or accepts an existing empty one; refuses anything else before a
    /// byte is written, and refuses a drive without room for the whole export.
    private func prepareDestination(needing bytes: Int64) throws {
        let path = destination.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw ArchiveError.exportDestination(path: path, reason: .exportTargetIsFile)
            }
            let contents: [String]
            do {
                contents = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw ArchiveError.exportDestination(path: path, reason: .exportTargetUnreadable(problem: Self.explain(error)))
            }
            if !contents.isEmpty {
                throw ArchiveError.exportDestination(
                    path: path, reason: .exportTargetNotEmpty(itemCount: contents.count, examples: Array(contents.sorted().prefix(3))))
            }
        } else {
            try createFolder(destination)
        }
        if let free = (try? FileManager.default.attributesOfFileSystem(forPath: path))?[.systemFreeSize] as? NSNumber,
           free.int64Value < bytes {
            throw ArchiveError.exportDestination(path: path, reason: .exportNeedsSpace(neededBytes: bytes, freeBytes: free.int64Value))
        }
    }

    private func createFolder(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ArchiveError.exportDestination(path: url.path, reason: .folderCannotBeCreated(problem: Self.explain(error)))
        }
    }

    /// Foundation's own text for a failed folder operation is "The operation could not be
    /// completed"; the system's reason ("Not a directory", "Permission denied") says more.
    static func explain(_ error: any Error) -> Message {
        if let code = SystemFailure.posixCode(of: error) {
            return .systemError(errno: code, detail: String(cString: strerror(code)))
        }
        return Ingester.explain(error)
    }
}
