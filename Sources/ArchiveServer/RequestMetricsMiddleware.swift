import Dispatch
import Hummingbird

/// Counts every request by route pattern, method and status, and times it until its handler
/// has answered (a download's body streams after that: its time is the handler's, not the
/// client's line's).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        // Unmatched paths share one label (Hummingbird names them "NotFound"): what a scanner
        // tries must not grow the registry.
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.request(route: context.endpointPath ?? "unmatched", method: method, status: Int(response.status.code),
                            nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.request(route: context.endpointPath ?? "unmatched", method: method, status: Int(status),
                            nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
            throw error
        }
    }
}
