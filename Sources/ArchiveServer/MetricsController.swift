import Hummingbird

/// `GET /metrics` for Prometheus. No token: it holds counts and times, nothing from the archive.
struct MetricsController<Context: RequestContext>: Sendable {
    let metrics: ServiceMetrics

    func addRoutes(to router: Router<Context>) {
        router.get("/metrics", use: scrape)
    }

    @Sendable func scrape(_ request: Request, context: Context) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.text())))
    }
}
