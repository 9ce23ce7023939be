import CoreMetrics
import Foundation
import MediaArchive
import Prometheus

/// What `/metrics` reports, in Prometheus' text format: requests by route and status, their
/// latency, check verdicts, bytes ingested, worker restarts. Figures only, never a county, a
/// file name or a hash. Each app has its own registry (handed to swift-metrics as its factory,
/// not bootstrapped process-wide), so tests and a second server in one process count apart.
public struct ServiceMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // From a thumbnail (milliseconds) to a 4 GiB upload on a slow line (many minutes).
        factory.defaultDurationHistogramBuckets = [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250),
                                                   .seconds(1), .seconds(5), .seconds(30), .seconds(120), .seconds(600)]
        self.factory = factory
        // Shown as 0 from the start, so an alert on it works before the first restart (the
        // workers of issue 12 call `workerRestarted`).
        _ = Counter(label: "media_archive_worker_restarts_total", dimensions: [], factory: factory)
        _ = Counter(label: "media_archive_ingested_bytes_total", dimensions: [], factory: factory)
    }

    /// `route` is the router's pattern ("/items/{sha256}"), never the path a client sent.
    func request(route: String, method: String, status: Int, nanoseconds: UInt64) {
        let dimensions = [("route", route), ("method", method), ("status", String(status))]
        Counter(label: "media_archive_http_requests_total", dimensions: dimensions, factory: factory).increment()
        CoreMetrics.Timer(label: "media_archive_http_request_duration_seconds", dimensions: [("route", route), ("method", method)],
              factory: factory).recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// A verdict the self-check or an ingest reached (`source`: "check" or "ingest").
    func verdict(_ verdict: Verdict, source: String) {
        Counter(label: "media_archive_check_verdicts_total", dimensions: [("verdict", verdict.rawValue), ("source", source)],
                factory: factory).increment()
    }

    func ingested(bytes: Int64) {
        Counter(label: "media_archive_ingested_bytes_total", dimensions: [], factory: factory).increment(by: Int(clamping: bytes))
    }

    /// For the ingest workers (issue 12): one of them died and was started again.
    public func workerRestarted() {
        Counter(label: "media_archive_worker_restarts_total", dimensions: [], factory: factory).increment()
    }

    /// The text exposition format, version 0.0.4.
    func text() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}

extension ServiceMetrics {
    /// An ingest's verdicts, and the bytes of the files it newly stored (a duplicate adds none).
    func record(_ receipts: [IngestReceipt], root: URL) {
        for receipt in receipts {
            verdict(receipt.verdict, source: "ingest")
            guard receipt.status == .stored, let object = receipt.object,
                  let size = try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(object).path)[.size] as? NSNumber
            else { continue }
            ingested(bytes: size.int64Value)
        }
    }
}
