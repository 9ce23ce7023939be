import Foundation
import Hummingbird
import MediaArchive
import NIOPosix

/// Streams a request's uploads (multipart field `file`) into the county's staging folder and
/// runs each through `ingester`, as the command line's `ingest` does: one receipt per file, in
/// order, a file over the size limit refused without stopping the rest. Shared by the clerks'
/// `/api/ingest` and the counties' `/api/handin`, so both check and store the same way.
enum UploadIngest {
    static func receipts(_ request: Request, ingester: Ingester, settings: ArchiveSettings) async throws -> [IngestReceipt] {
        // Creating the folder and sweeping abandoned uploads out of it are blocking file calls.
        let staging = try await BlockingWork.run(failing: "the archive cannot take uploads") { try ingester.uploadFolder() }
        let uploads = try await UploadedFile.receiveAll(request, field: "file", maxBytes: settings.policy.maxFileBytes, into: staging)
        // A stored upload has been moved into objects/; this removes everything else.
        defer { uploads.forEach { $0.discard() } }

        var receipts: [IngestReceipt] = []
        for upload in uploads {
            switch upload {
            case .file(let file):
                let (path, name) = (file.path, file.originalName)
                var receipt = try await NIOThreadPool.singleton.runIfActive { ingester.ingest(upload: path, originalName: name) }
                // A refused upload's advice is to upload again (the self-check's is to check again).
                if receipt.status == .rejected { receipt.reasonMessages = receipt.reasonMessages.map(\.asUploadRefusal) }
                receipts.append(receipt)
            case .tooLarge(let name):
                receipts.append(ingester.refusedUpload(originalName: name, reason: .uploadTooLarge(limitBytes: settings.policy.maxFileBytes)))
            }
        }
        return receipts
    }
}
