import Foundation
import Hummingbird
import MediaArchive

extension BoardController {
    /// `GET /board/handover.zip?county=C[&round=R]`: the county's round as `export --county C
    /// --round R --bagit` writes it, in one zip a clerk opens by double-click. The bag is
    /// exported by `HandOverExport` itself (every file verified against its SHA-256 while it is
    /// copied) into a scratch folder, then sent as a `StoredZip` streamed file by file, and the
    /// folder removed once the last byte is sent or the download breaks off. So the zip's files
    /// are byte for byte the CLI's, at the cost of the scratch folder's room ($TMPDIR needs the
    /// hand-over's size; HandOverExport says so when it is short).
    @Sendable func handOverZip(_ request: Request, context: Context) async throws -> Response {
        _ = try await viewer(request)
        let scope = HandInScope(settings: settings)
        let round = try scope.round(request)
        guard let asked = request.uri.queryParameters.get("county"), !asked.isEmpty else {
            throw ServerError.badRequest("county= is missing: name the county whose hand-over to download")
        }
        let county = try scope.resolve(String(asked))
        let top = "\(county.slug)-round-\(round.id)"
        let (settings, backends) = (settings, backends)
        let (scratch, zip) = try await BlockingWork.run(failing: "the hand-over could not be exported") {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("handover-\(UUID().uuidString)", isDirectory: true)
            do {
                var export = HandOverExport(settings: settings, county: county, destination: scratch, bagIt: true)
                export.round = round.id
                export.catalogue = backends.catalogue
                export.objectStore = backends.store
                _ = try export.run()
                return (scratch, try StoredZip(folder: scratch, top: top, madeAt: Date(), zone: settings.policy.zone))
            } catch {
                try? FileManager.default.removeItem(at: scratch)
                throw error
            }
        }
        let body = ResponseBody(contentLength: Int(zip.length)) { writer in
            defer { try? FileManager.default.removeItem(at: scratch) }
            try await zip.write(to: &writer)
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [
            .contentType: "application/zip",
            .contentDisposition: ContentDisposition.value(attachment: true, fileName: "\(county.name)-\(round.id)-移交.zip"),
            .cacheControl: "no-store",
        ], body: body)
    }
}
