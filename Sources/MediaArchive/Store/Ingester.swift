public import Foundation
import MediaFacts

/// Takes handed-in files into a county's archive: check, hash and copy in one pass, store,
/// thumbnail, catalogue. One bad file never stops the batch; a file is either wholly stored
/// and catalogued or not at all (a crash leaves at worst an object that `verify --repair` adopts).
public struct Ingester: Sendable {
    public var settings: ArchiveSettings
    public var county: County
    /// Store videos that fail the policy (with verdict `fail`) instead of rejecting them.
    public var acceptFailing: Bool
    public var thumbnailLongEdge: Int
    /// The round the files are handed in for: its week, deadlines and video limit apply.
    public var round: Round
    /// What the files are in the hand-in; nil: told from each file's kind and name.
    public var part: Part?
    /// The clock, replaceable in tests.
    public var now: @Sendable () -> Date
    /// Where entries are kept: the archive folder's JSON catalogue unless told otherwise.
    public var catalogue: any EntryCatalogue
    /// Where the bytes go; nil: the archive folder, as always (`Ingester+ObjectStore`).
    public var objectStore: (any ObjectStore)?
    /// Who opens the files to check and thumbnail them: this process, or the server's workers.
    public var factsSource: any FactsSource

    /// `round` nil: the current round on the day `now` gives.
    public init(settings: ArchiveSettings, county: County, round: Round? = nil, part: Part? = nil, acceptFailing: Bool = false,
                thumbnailLongEdge: Int = 320, factsSource: any FactsSource = InProcessFacts(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.round = round ?? settings.rounds.current(today: settings.day(of: now()))
        self.part = part
        self.settings = settings
        self.county = county
        self.acceptFailing = acceptFailing
        self.thumbnailLongEdge = thumbnailLongEdge
        self.now = now
        self.catalogue = JSONEntryCatalogue(root: settings.root)
        self.factsSource = factsSource
    }

    var zone: TimeZone { settings.policy.zone }

    /// Ingests every file (folders walked) on all cores; receipts in argument order.
    public func ingest(paths: [String], progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> [IngestReceipt] {
        let folder = try CountyFolder(root: settings.root, county: county)
        Self.removeAbandonedCopies(in: folder.staging, olderThan: now().addingTimeInterval(-Self.abandonedAfter))
        let ingester = self
        let files = MediaPaths.expand(paths)
        let total = files.count
        var perFile: (@Sendable (Int) -> Void)? = nil
        if let progress {
            perFile = { done in progress(done, total) }
        }
        return files.parallelMap(progress: perFile) { path in ingester.ingest(IngestSource(copying: path), into: folder) }
    }

    /// An ingest time as receipts and entries write it: ISO 8601 in the policy's zone.
    func stamp(_ date: Date) -> String {
        TimeStamp.iso8601(date, utcOffsetSeconds: zone.secondsFromGMT(for: date))
    }

    func ingest(_ source: IngestSource, into folder: CountyFolder) -> IngestReceipt {
        let ingestedAt = now()
        let stamp = stamp(ingestedAt)
        var inspected = Inspector(checker: SubmissionChecker(policy: settings.policy.applying(round), source: factsSource)).inspect(path: source.path)
        inspected.check = inspected.check.renamed(from: source.path, to: source.shownAs)
        let told = part ?? Part.guess(kind: inspected.check.kind, name: source.originalName)
        let part = told ?? .other
        var receipt = IngestReceipt(path: source.shownAs, status: .rejected, county: county.slug, reasonMessages: inspected.check.reasonMessages,
                                    warningMessages: inspected.check.warningMessages, verdict: inspected.check.verdict,
                                    kind: inspected.check.kind, ingestedAt: stamp, round: round.id, part: part)
        switch inspected.check.verdict {
        case .error:
            return receipt
        case .fail where !acceptFailing:
            return receipt
        default:
            break
        }
        if let late = lateWarning(part: part, ingestedAt: ingestedAt) { receipt.warningMessages.append(late) }
        if let objectStore {
            return ingest(source, to: objectStore, inspected: inspected, receipt: receipt, told: told, ingestedAt: ingestedAt)
        }

        return finish(source, receipt: receipt, told: told) { receipt in
            // An upload already lies in staging: hashed where it is and moved, never copied again.
            let copied = source.isInStaging ? try HashingCopy.hashInPlace(source.path)
                                            : try HashingCopy.copy(source.path, into: folder.staging)
            var stagedCopy: URL? = source.isInStaging ? nil : copied.temporary
            defer { if let stagedCopy { try? FileManager.default.removeItem(at: stagedCopy) } }
            receipt.sha256 = copied.sha256

            // The copy's first bytes, read once: its signature and the extension come from them.
            let handle = try? FileHandle(forReadingFrom: copied.temporary)
            let prefix = handle.map { (try? $0.read(upToCount: ContentSignature.prefixLength)) ?? Data() }
            try? handle?.close()
            let signature = prefix.map(ContentSignature.classify) ?? .other
            let ext = StoredExtension.forFile(format: inspected.check.format, kind: inspected.check.kind, signature: signature,
                                              originalPath: source.originalName, prefix: prefix ?? Data())
            let objectPath = folder.objectPath(sha256: copied.sha256, extension: ext)
            var entry = makeEntry(inspected, sha256: copied.sha256, bytes: copied.bytes, object: objectPath,
                                  originalName: source.originalName, ingestedAt: ingestedAt,
                                  stamp: stamp, warnings: receipt.warningMessages)

            if let existing = try catalogue.entries(sha256: copied.sha256, county: county).first {
                // Already here: nothing is copied; the name is recorded when catalogued.
                receipt.object = existing.object
            } else {
                let objectURL = try folder.resolve(objectPath)
                try FileManager.default.createDirectory(at: objectURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                // Same filesystem, so the object appears whole or not at all.
                guard rename(copied.temporary.path, objectURL.path) == 0 else {
                    throw AtomicFile.posixError("cannot move the copy into \(objectURL.path)")
                }
                stagedCopy = nil
                AtomicFile.syncFolder(objectURL.deletingLastPathComponent())
                entry.thumbnail = writeThumbnail(of: objectURL, kind: entry.kind, sha256: copied.sha256, folder: folder)
                receipt.object = objectPath
            }
            return PlacedBytes(entry: entry, localCopy: settings.root.appendingPathComponent(receipt.object ?? objectPath))
        }
    }

    /// "handed in on …, after the deadline …" when `part` is late this round (forms against the
    /// registration deadline); for files and links alike. Late items are stored and marked, never refused.
    func lateWarning(part: Part, ingestedAt: Date) -> Message? {
        let ingestDay = CalendarDay(of: ingestedAt, in: zone)
        return ingestDay > round.due(part) ? .handedInLate(day: ingestDay, deadline: round.due(part)) : nil
    }

    func makeEntry(_ inspected: InspectResult, sha256: SHA256Hash, bytes: Int64, object: String, originalName: String,
                           ingestedAt: Date, stamp: String, warnings: [Message]) -> CatalogEntry {
        let day = inspected.captured.map { CalendarDay(of: $0.date, in: zone) } ?? CalendarDay(of: ingestedAt, in: zone)
        return CatalogEntry(
            sha256: sha256, county: county.slug, kind: inspected.check.kind, originalNames: [originalName],
            bytes: bytes, format: inspected.check.format, object: object, thumbnail: nil, ingestedAt: stamp,
            capturedAt: inspected.capturedAt, capturedAtSource: inspected.capturedAtSource,
            durationSeconds: inspected.check.durationSeconds, verdict: inspected.check.verdict,
            // The catalogue stores the messages as codes (`messages`); the sentences are what this
            // entry shows, in English and under `zh` in Chinese, worded again whenever it is read.
            reasons: inspected.check.reasons(in: .en), warnings: warnings.texts(in: .en), camera: inspected.camera, gps: inspected.gps,
            title: inspected.title, description: inspected.description ?? inspected.comment,
            width: inspected.width, height: inspected.height,
            displayWidth: inspected.displayWidth, displayHeight: inspected.displayHeight, day: day, schemaVersion: CatalogEntry.currentSchemaVersion,
            chinese: CatalogEntry.Sentences(reasons: inspected.check.reasonMessages, warnings: warnings, in: .zh),
            messages: CatalogEntry.StoredMessages(reasons: inspected.check.reasonMessages, warnings: warnings))
    }

    /// Thumbnails are a convenience: a file that gives none is still stored (documents, sound).
    private func writeThumbnail(of object: URL, kind: MediaKind, sha256: SHA256Hash, folder: CountyFolder) -> String? {
        guard kind == .video || kind == .photo else { return nil }
        let path = folder.thumbnailPath(sha256: sha256)
        do {
            let thumbnail = try thumbnailRetryingOnce(path: object.path)
            let url = try folder.resolve(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(thumbnail.jpeg, to: url)
            return path
        } catch {
            return nil
        }
    }

    /// The file is checked and stored by now, so a worker that died making its thumbnail (killed
    /// from outside, out of memory beside a neighbour's big file) gets one more try on its fresh
    /// replacement before the item is kept without one. A decoder's plain "no picture" is final.
    private func thumbnailRetryingOnce(path: String) throws -> ThumbnailMaker.Thumbnail {
        let maker = ThumbnailMaker(longEdge: thumbnailLongEdge)
        do {
            return try factsSource.thumbnail(path: path, maker: maker)
        } catch is UnsafeFile {
            return try factsSource.thumbnail(path: path, maker: maker)
        }
    }

    /// A staging copy this old belongs to an ingest that was killed: no ingest takes a day.
    static let abandonedAfter: TimeInterval = 24 * 3600

    /// Deletes partial copies that killed ingests left in staging. They were never part of the
    /// archive (only a complete, fsynced copy is renamed into `objects/`), so nothing stored is lost.
    static func removeAbandonedCopies(in staging: URL, olderThan cutoff: Date) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []
        for name in names where name.hasSuffix(".part") {
            let url = staging.appendingPathComponent(name)
            guard let modified = lastWritten(url), modified < cutoff else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// An upload's `.part` folder counts by its newest file: writing into a file does not touch
    /// the folder's own time, and an upload still arriving after a day is not abandoned.
    private static func lastWritten(_ url: URL) -> Date? {
        let modified = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date }
        let inside = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return ([modified(url)] + inside.map(modified)).compactMap { $0 }.max()
    }

    /// A failure to store, as a message: the archive's own problems in its words, the system's
    /// (disk full, no permission) by their errno so a clerk can read them in Chinese too.
    static func explain(_ error: any Error) -> Message {
        if let archive = error as? ArchiveError { return .archiveProblem(archive) }
        let detail = (error as NSError).localizedDescription
        if let code = SystemFailure.errno(of: error) { return .systemError(errno: code, detail: detail) }
        return .untranslated(detail)
    }
}
