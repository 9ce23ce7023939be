import Foundation
import Hummingbird
import MediaArchive
import NIOPosix

/// `GET /healthz`: 200 when the archive can be read and written, 503 with the reason when not,
/// for a monitor, a load balancer or the install test. No token: it says nothing about what
/// the archive holds, only the version and the folder it serves.
struct HealthController<Context: RequestContext>: Sendable {
    let health: ArchiveHealth

    struct Answer: Encodable {
        var status: String
        var version: String
        var archive: String
        var reason: String?
    }

    func addRoutes(to router: Router<Context>) {
        router.get("/healthz", use: check)
    }

    @Sendable func check(_ request: Request, context: Context) async throws -> Response {
        let health = health
        // A hung disk must not stall an event loop: the probe's open/write/fsync run on the pool.
        let problem = try await NIOThreadPool.singleton.runIfActive { health.problem() }
        let answer = Answer(status: problem == nil ? "ok" : "unavailable", version: ArchiveVersion.current,
                            archive: health.root.path, reason: problem?.description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(answer)
        data.append(0x0A)
        return Response(status: problem == nil ? .ok : .serviceUnavailable,
                        headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
