import Foundation

/// `verify` over the seams, for an object store other than the archive folder (S3): every
/// catalogued object re-hashed as it streams from the store, in parallel; corrupt, missing and
/// orphaned as the archive folder's `Verifier` reports them. `--repair` deletes what killed
/// ingests left (staged objects, unfinished uploads) — never a committed object; orphans are
/// reported, not adopted (adopting means fetching and inspecting each: not done yet).
public struct StoreVerifier: Sendable {
    public var settings: ArchiveSettings
    public var store: any ObjectStore
    public var catalogue: any EntryCatalogue

    public init(settings: ArchiveSettings, store: any ObjectStore, catalogue: any EntryCatalogue) {
        self.settings = settings
        self.store = store
        self.catalogue = catalogue
    }

    public func verify(counties: [County], repair: Bool) throws -> VerifyReport {
        var report = VerifyReport()
        if repair { report.unfinishedRemoved = [] }
        for county in counties.isEmpty ? settings.counties.counties : counties {
            try verify(county, repair: repair, into: &report)
        }
        return report
    }

    private func verify(_ county: County, repair: Bool, into report: inout VerifyReport) throws {
        let entries = try catalogue.entries(of: county, in: nil)
        let catalogued = Set(entries.map(\.sha256))

        // Entries for two parts or rounds share one object: it is hashed once.
        var seen = Set<SHA256Hash>()
        let stored = entries.filter { $0.object != nil && seen.insert($0.sha256).inserted }
        let store = self.store
        let outcomes = stored.parallelMap { entry -> (SHA256Hash, Result<SHA256Hash?, any Error>) in
            (entry.sha256, Result { try store.sha256(key: entry.object!) })
        }
        for (sha, outcome) in outcomes {
            switch outcome {
            case .success(nil): report.missing.append(sha.hex)
            case .success(sha?): report.checked += 1; report.ok += 1
            case .success(_?): report.checked += 1; report.corrupt.append(sha.hex)
            case .failure(let error): throw error
            }
        }

        for key in try store.keys(under: "\(county.slug)/objects/") where !catalogued.contains(named: Self.name(ofKey: key)) {
            report.orphaned.append(key)
        }
        for key in try store.keys(under: "\(county.slug)/thumbs/") where !catalogued.contains(named: Self.name(ofKey: key)) {
            report.danglingThumbnails.append(key)
        }
        for entry in entries {
            if let thumbnail = entry.thumbnail, try store.size(key: thumbnail) == nil { report.danglingThumbnails.append(thumbnail) }
        }

        if repair {
            report.unfinishedRemoved? += try store.removeUnfinished(county: county)
        }
        report.unfinishedCopies += try store.unfinished(county: county)
    }

    /// "hualong/objects/3f/3fa9…e1.mp4" → "3fa9…e1".
    /// The name an object or thumbnail key has before its extension (`…/3f/3fa9….mp4` → `3fa9…`).
    static func name(ofKey key: String) -> String {
        String(key.split(separator: "/").last.map { $0.prefix { $0 != "." } } ?? "")
    }
}
