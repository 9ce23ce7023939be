import Foundation

/// What both ways of storing a file (the archive folder, another object store) share once the
/// bytes are in place: only "where the bytes go" differs between them.
extension Ingester {
    /// Where a file's bytes went: the entry to catalogue (its object and thumbnail set) and a
    /// local copy of the bytes to read a registration form from.
    struct PlacedBytes {
        var entry: CatalogEntry
        var localCopy: URL
    }

    /// Runs `place` (which puts the bytes somewhere and fills in the receipt's SHA-256 and
    /// object), then catalogues the entry: stored, or a duplicate of the entry already there;
    /// a stored form is read; a part the sender did not tell is advised. Any failure on the
    /// way is the receipt's rejection, worded for the sender (never the server's own paths).
    func finish(_ source: IngestSource, receipt: IngestReceipt, told: Part?,
                place: (inout IngestReceipt) throws -> PlacedBytes) -> IngestReceipt {
        var receipt = receipt
        let part = receipt.part ?? .other
        do {
            var placed = try place(&receipt)
            placed.entry.round = round.id
            placed.entry.part = part
            switch try catalogue.add(placed.entry, county: county, rounds: settings.rounds) {
            case .added:
                receipt.status = .stored
                if part.isForm {
                    receipt.warningMessages += readForm(placed.localCopy, originalName: source.originalName,
                                                        sha256: placed.entry.sha256, part: part, stamp: receipt.ingestedAt)
                }
            case .duplicate(let existing):
                receipt.status = .duplicate
                receipt.object = existing.object
                receipt.warningMessages.append(.duplicateOf(originalName: existing.originalNames.first ?? "?"))
            }
            // Advice to the sender, not a fact about the file: on the receipt, not in the entry.
            if told == nil { receipt.warningMessages.append(.handIn(.partNotTold(name: source.originalName))) }
        } catch {
            receipt.status = .rejected
            receipt.verdict = .error
            receipt.reasonMessages = [.notStored(problem: Self.explain(error).replacing(source.path, with: source.shownAs))]
        }
        return receipt
    }
}
