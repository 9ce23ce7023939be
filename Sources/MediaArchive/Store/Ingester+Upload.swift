public import Foundation

/// Ingest for files that arrive over the network (the web app). The upload is written straight
/// into the county's staging folder — inside the archive, so on its filesystem — and once whole it
/// goes through exactly the checks, hashing, storing and cataloguing of `ingest(paths:)`, except
/// that it is moved into `objects/` rather than copied a second time.
extension Ingester {
    /// The folder to write this county's uploads into while they arrive (created if missing).
    /// Name each upload `….part` (a file, or a folder holding it): what a killed server leaves
    /// there is then removed a day later like any abandoned copy. Removes those now, as a batch does.
    public func uploadFolder() throws -> URL {
        let folder = try CountyFolder(root: settings.root, county: county)
        try FileManager.default.createDirectory(at: folder.staging, withIntermediateDirectories: true)
        Self.removeAbandonedCopies(in: folder.staging, olderThan: now().addingTimeInterval(-Self.abandonedAfter))
        return folder.staging
    }

    /// Ingests one complete upload lying under `uploadFolder()`. `originalName` (the sender's file
    /// name) is the receipt's `path` and the catalogue's original name; the server path appears in
    /// neither. A stored upload is moved into `objects/`; whatever is left is the caller's to delete.
    public func ingest(upload path: String, originalName: String) -> IngestReceipt {
        let source = IngestSource(upload: path, originalName: originalName)
        do {
            let folder = try CountyFolder(root: settings.root, county: county)
            // Only a file inside staging may be moved into objects/: that rename must never
            // cross filesystems, nor take a file from anywhere else.
            guard URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(folder.staging.path + "/") else {
                return refusedUpload(originalName: originalName, verdict: .error,
                                     reason: .notStored(problem: .untranslated("the upload is not in the county's staging folder")))
            }
            return ingest(source, into: folder)
        } catch {
            return refusedUpload(originalName: originalName, verdict: .error,
                                 reason: .notStored(problem: Self.explain(error).replacing(path, with: originalName)))
        }
    }

    /// The receipt for an upload refused before it could be checked (e.g. larger than the policy
    /// allows, so never kept whole): rejected, with the reason, like any other rejection.
    public func refusedUpload(originalName: String, verdict: Verdict = .fail, reason: Message) -> IngestReceipt {
        IngestReceipt(path: originalName, status: .rejected, county: county.slug, reasonMessages: [reason],
                      verdict: verdict, kind: .unknown, ingestedAt: stamp(now()))
    }
}
