import Crypto
public import Foundation

/// A media report handed in as the address of an online article (DESIGN.md: `ingest --as
/// media-report --url …`).
public struct MediaReportLink: Sendable, Equatable {
    public var url: URL
    public var title: String
    public var outlet: String?
    public var published: CalendarDay?

    /// Nil unless `text` is an http(s) address with a host: anything else cannot be opened by
    /// whoever reads the hand-in.
    public init?(url text: String, title: String, outlet: String? = nil, published: CalendarDay? = nil) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else { return nil }
        self.url = url
        self.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        self.outlet = outlet.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        self.published = published
    }

    /// A link's identity in the catalogue: the SHA-256 of its address, as a file's is of its
    /// bytes, so the same article handed in twice is recognised as a duplicate.
    var sha256: SHA256Hash { SHA256Hash(SHA256.hash(data: Data(url.absoluteString.utf8))) }
}

extension Ingester {
    /// Catalogues a link as a `media-report` entry of kind `link`, with no stored object.
    public func ingest(link: MediaReportLink) throws -> IngestReceipt {
        _ = try CountyFolder(root: settings.root, county: county)  // refuses an unsafe slug
        let ingestedAt = now()
        let stamp = stamp(ingestedAt)
        let part = part ?? .mediaReport
        var receipt = IngestReceipt(path: link.url.absoluteString, status: .rejected, sha256: link.sha256, county: county.slug,
                                    reasonMessages: [], verdict: .pass, kind: .link, ingestedAt: stamp, round: round.id, part: part)
        if let late = lateWarning(part: part, ingestedAt: ingestedAt) { receipt.warningMessages.append(late) }
        var entry = CatalogEntry(
            sha256: link.sha256, county: county.slug, kind: .link, originalNames: [link.url.absoluteString], bytes: 0,
            format: nil, object: nil, thumbnail: nil, ingestedAt: stamp, capturedAt: nil, capturedAtSource: .none,
            durationSeconds: nil, verdict: .pass, reasons: [], warnings: receipt.warningMessages.texts(in: .en), camera: nil, gps: nil,
            title: link.title, description: nil, width: nil, height: nil,
            day: link.published ?? CalendarDay(of: ingestedAt, in: zone), schemaVersion: CatalogEntry.currentSchemaVersion,
            chinese: CatalogEntry.Sentences(reasons: [], warnings: receipt.warningMessages, in: .zh),
            messages: CatalogEntry.StoredMessages(reasons: [], warnings: receipt.warningMessages))
        entry.round = round.id
        entry.part = part
        entry.url = link.url.absoluteString
        entry.outlet = link.outlet
        entry.published = link.published
        switch try catalogue.add(entry, county: county, rounds: settings.rounds) {
        case .added:
            receipt.status = .stored
        case .duplicate(let existing):
            receipt.status = .duplicate
            receipt.warningMessages.append(.duplicateOf(originalName: existing.originalNames.first ?? "?"))
        }
        return receipt
    }
}
