public import Foundation
import MediaFacts

/// What `verify` found. JSON keys are a public contract (DESIGN.md, `verify`).
public struct VerifyReport: Sendable, Encodable {
    /// Objects re-hashed.
    public var checked = 0
    public var ok = 0
    /// Catalogued objects whose bytes no longer match their SHA-256.
    public var corrupt: [String] = []
    /// Catalogued objects whose file is gone.
    public var missing: [String] = []
    /// Stored files no catalogue entry points to (e.g. left by an interrupted ingest).
    public var orphaned: [String] = []
    /// Thumbnail files without an entry, and entries whose thumbnail file is gone.
    public var danglingThumbnails: [String] = []
    /// Orphans taken into the catalogue by `--repair`.
    public var adopted: [String] = []
    /// Thumbnails made again by `--repair`.
    public var thumbnailsRemade: [String] = []
    /// Partial copies left in staging folders by interrupted ingests (harmless; never deleted).
    public var unfinishedCopies: [String] = []
    /// Another store than the archive folder (S3): staged objects and unfinished uploads that
    /// `--repair` deleted. Absent for the archive folder.
    public var unfinishedRemoved: [String]? = nil

    public var hasProblems: Bool {
        !corrupt.isEmpty || !missing.isEmpty || !orphaned.isEmpty || !danglingThumbnails.isEmpty
    }
}

/// Re-hashes every object and compares the store with the catalogue. Never deletes anything.
public struct Verifier: Sendable {
    public var settings: ArchiveSettings
    public var now: @Sendable () -> Date

    public init(settings: ArchiveSettings, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.now = now
    }

    public func verify(counties: [County], repair: Bool) throws -> VerifyReport {
        var report = VerifyReport()
        for county in counties.isEmpty ? settings.counties.counties : counties {
            try verify(CountyFolder(root: settings.root, county: county), repair: repair, into: &report)
        }
        return report
    }

    private func verify(_ folder: CountyFolder, repair: Bool, into report: inout VerifyReport) throws {
        guard FileManager.default.fileExists(atPath: folder.url.path) else { return }
        let catalog = CountyCatalog(folder: folder)
        let entries = try catalog.allEntries()
        let catalogued = Set(entries.map(\.sha256))

        // Re-hash every catalogued object once (entries for two parts or rounds share it),
        // streamed and in parallel; links have no object.
        var seen = Set<SHA256Hash>()
        let stored = entries.filter { $0.object != nil && seen.insert($0.sha256).inserted }
        let outcomes = stored.parallelMap { entry -> (SHA256Hash, Bool?) in
            guard let path = entry.object, let url = try? folder.resolve(path), FileManager.default.fileExists(atPath: url.path) else {
                return (entry.sha256, nil)
            }
            return (entry.sha256, (try? HashingCopy.sha256(of: url.path)) == entry.sha256)
        }
        for (sha, intact) in outcomes {
            switch intact {
            case nil: report.missing.append(sha.hex)
            case true?: report.checked += 1; report.ok += 1
            case false?: report.checked += 1; report.corrupt.append(sha.hex)
            }
        }

        // Files in objects/ that no entry points to.
        // A file not named by a SHA-256 is never adopted, only reported.
        for (name, path) in Self.storedFiles(under: folder.objects, root: settings.root)
        where !catalogued.contains(named: name) {
            if repair, let sha = SHA256Hash(hex: name), (try? HashingCopy.sha256(of: settings.root.appendingPathComponent(path).path)) == sha {
                try adopt(path: path, sha256: sha, folder: folder, catalog: catalog)
                report.adopted.append(path)
            } else {
                report.orphaned.append(path)
            }
        }

        // Thumbnails without an entry, and entries whose thumbnail is gone.
        for (name, path) in Self.storedFiles(under: folder.thumbs, root: settings.root)
        where !catalogued.contains(named: name) {
            if !report.adopted.contains(where: { $0.contains(name) }) { report.danglingThumbnails.append(path) }
        }
        for entry in entries {
            guard let thumbnail = entry.thumbnail, let url = try? folder.resolve(thumbnail),
                  !FileManager.default.fileExists(atPath: url.path) else { continue }
            if repair, let path = entry.object, let object = try? folder.resolve(path),
               Self.writeThumbnail(of: object, to: url) {
                report.thumbnailsRemade.append(thumbnail)
            } else {
                report.danglingThumbnails.append(thumbnail)
            }
        }

        let staged = (try? FileManager.default.contentsOfDirectory(atPath: folder.staging.path)) ?? []
        report.unfinishedCopies += staged.sorted().map { "\(folder.county.slug)/staging/\($0)" }
    }

    /// Catalogues an orphaned object as an ingest would, from the object itself. Its original
    /// name is lost; the entry says so.
    private func adopt(path: String, sha256: SHA256Hash, folder: CountyFolder, catalog: CountyCatalog) throws {
        let url = try folder.resolve(path)
        let zone = settings.policy.zone
        let inspected = Inspector(checker: SubmissionChecker(policy: settings.policy)).inspect(path: url.path)
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now()
        let stamp = TimeStamp.iso8601(modified, utcOffsetSeconds: zone.secondsFromGMT(for: modified))
        var thumbnail: String? = nil
        if inspected.check.kind == .video || inspected.check.kind == .photo {
            let thumbnailPath = folder.thumbnailPath(sha256: sha256)
            let thumbnailURL = try folder.resolve(thumbnailPath)
            if FileManager.default.fileExists(atPath: thumbnailURL.path) || Self.writeThumbnail(of: url, to: thumbnailURL) {
                thumbnail = thumbnailPath
            }
        }
        let warnings = inspected.check.warningMessages + [.adoptedWithoutName]
        let entry = CatalogEntry(
            sha256: sha256, county: folder.county.slug, kind: inspected.check.kind, originalNames: [url.lastPathComponent],
            bytes: Int64((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0),
            format: inspected.check.format, object: path, thumbnail: thumbnail, ingestedAt: stamp,
            capturedAt: inspected.capturedAt, capturedAtSource: inspected.capturedAtSource,
            durationSeconds: inspected.check.durationSeconds, verdict: inspected.check.verdict,
            reasons: inspected.check.reasons(in: .en),
            warnings: warnings.texts(in: .en),
            camera: inspected.camera, gps: inspected.gps, title: inspected.title,
            description: inspected.description ?? inspected.comment, width: inspected.width, height: inspected.height,
            displayWidth: inspected.displayWidth, displayHeight: inspected.displayHeight,
            day: inspected.captured.map { CalendarDay(of: $0.date, in: zone) } ?? CalendarDay(of: modified, in: zone),
            schemaVersion: CatalogEntry.currentSchemaVersion,
            chinese: CatalogEntry.Sentences(reasons: inspected.check.reasonMessages, warnings: warnings, in: .zh),
            messages: CatalogEntry.StoredMessages(reasons: inspected.check.reasonMessages, warnings: warnings))
        // An adopted file's round and part are told the way an old entry's are.
        _ = try catalog.add(entry.placed(in: settings.rounds), rounds: settings.rounds)
    }

    private static func writeThumbnail(of object: URL, to url: URL) -> Bool {
        guard let thumbnail = try? ThumbnailMaker().thumbnail(path: object.path) else { return false }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(thumbnail.jpeg, to: url)
            return true
        } catch {
            return false
        }
    }

    /// (SHA-256 from the name, path relative to the root) for every file under `folder`,
    /// skipping the dot-files of atomic writes in progress.
    static func storedFiles(under folder: URL, root: URL) -> [(String, String)] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [(String, String)] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true,
                  !url.lastPathComponent.hasPrefix(".") else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(rootPath.count).drop { $0 == "/" })
            files.append((String(url.lastPathComponent.prefix { $0 != "." }), relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }
}
