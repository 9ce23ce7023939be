import Foundation
import MediaFacts

extension Ingester {
    /// Ingest into an object store other than the archive folder (S3). The file is read once
    /// into the store, hashed while it goes (`stage`); then it is committed to its
    /// content-addressed key inside the store, then catalogued. A crash at any point leaves
    /// at worst a staged object or an object without an entry — never an entry without its
    /// object; `verify --repair` removes the staged leftovers.
    ///
    /// The checks, the thumbnail and a form's reading use the handed-in file itself, which is
    /// local: nothing is fetched back from the store.
    func ingest(_ source: IngestSource, to store: any ObjectStore, inspected: InspectResult, receipt: IngestReceipt,
                told: Part?, ingestedAt: Date) -> IngestReceipt {
        finish(source, receipt: receipt, told: told) { receipt in
            var staged: StagedObject? = nil
            defer { if let staged { store.discard(staged) } }
            let object = try store.stage(file: source.path, county: county)
            staged = object
            receipt.sha256 = object.sha256

            let prefix = Self.firstBytes(of: source.path)
            let signature = ContentSignature.classify(prefix)
            let ext = StoredExtension.forFile(format: inspected.check.format, kind: inspected.check.kind, signature: signature,
                                              originalPath: source.originalName, prefix: prefix)
            let key = FolderObjectStore.objectKey(county: county, sha256: object.sha256, extension: ext)
            var entry = makeEntry(inspected, sha256: object.sha256, bytes: object.bytes, object: key,
                                  originalName: source.originalName, ingestedAt: ingestedAt,
                                  stamp: receipt.ingestedAt, warnings: receipt.warningMessages)

            if let existing = try catalogue.entries(sha256: object.sha256, county: county).first {
                // Already stored: the staged copy goes (deferred above); the name is recorded when catalogued.
                receipt.object = existing.object
            } else {
                try store.commit(object, to: key)
                staged = nil
                entry.thumbnail = putThumbnail(of: source.path, kind: entry.kind, sha256: object.sha256, into: store)
                receipt.object = key
            }
            return PlacedBytes(entry: entry, localCopy: URL(fileURLWithPath: source.path))
        }
    }

    private static func firstBytes(of path: String) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: ContentSignature.prefixLength)) ?? Data()
    }

    /// As `writeThumbnail`: a file that gives no thumbnail is still stored.
    private func putThumbnail(of path: String, kind: MediaKind, sha256: SHA256Hash, into store: any ObjectStore) -> String? {
        guard kind == .video || kind == .photo else { return nil }
        let key = FolderObjectStore.thumbnailKey(county: county, sha256: sha256)
        guard let thumbnail = try? ThumbnailMaker(longEdge: thumbnailLongEdge).thumbnail(path: path),
              (try? store.put(thumbnail.jpeg, key: key)) != nil else { return nil }
        return key
    }
}
