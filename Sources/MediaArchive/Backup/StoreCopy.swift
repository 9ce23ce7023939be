import Foundation

/// Copies the objects and thumbnails a catalogue names into the backup's store, each only if
/// the store lacks it. Objects are named by their SHA-256, so one already there (at its size)
/// is the same file; a new one is hashed while it is copied and kept only if it matches.
struct StoreCopy {
    let archive: URL
    let store: URL

    struct Outcome: Sendable {
        var lines: [BackupManifest.Line] = []
        var objectsCopied = 0
        var objectsAlreadyThere = 0
        var thumbnailsCopied = 0
        var bytesCopied: Int64 = 0
        var missing: [String] = []
        var corrupt: [String] = []
    }

    func copy(namedBy entries: [CatalogEntry]) throws -> Outcome {
        // The same bytes handed in by two counties are two objects; the same object twice (two
        // parts or rounds) is one. A link has no object.
        var seen = Set<String>()
        let unique = entries.filter { $0.object.map { seen.insert($0).inserted } ?? false }
        let archive = archive, store = store
        let results = unique.parallelMap { entry in Self.copy(entry, archive: archive, store: store) }
        var outcome = Outcome()
        for result in results {
            switch result {
            case .failure(let error):
                throw error
            case .success(let one):
                outcome.lines += one.lines
                outcome.objectsCopied += one.objectsCopied
                outcome.objectsAlreadyThere += one.objectsAlreadyThere
                outcome.thumbnailsCopied += one.thumbnailsCopied
                outcome.bytesCopied += one.bytesCopied
                outcome.missing += one.missing
                outcome.corrupt += one.corrupt
            }
        }
        outcome.missing.sort()
        outcome.corrupt.sort()
        return outcome
    }

    private static func copy(_ entry: CatalogEntry, archive: URL, store: URL) -> Result<Outcome, BackupError> {
        var outcome = Outcome()
        guard let object = entry.object, BackupManifest.isInside(object), entry.thumbnail.map(BackupManifest.isInside) ?? true else {
            return .success(outcome)   // `verify` reports such an entry; it names nothing to copy
        }
        let source = archive.appendingPathComponent(object)
        let kept = store.appendingPathComponent(object)
        do {
            if DurableCopy.size(of: kept) == entry.bytes {
                outcome.objectsAlreadyThere += 1
            } else if DurableCopy.size(of: source) == nil {
                outcome.missing.append(entry.sha256.hex)
                return .success(outcome)
            } else {
                let made = try DurableCopy.copy(source, to: kept, expected: entry.sha256)
                outcome.objectsCopied += 1
                outcome.bytesCopied += made.bytes
            }
            outcome.lines.append(.init(sha256: entry.sha256, path: object))
        } catch BackupError.damaged {
            outcome.corrupt.append(entry.sha256.hex)
            return .success(outcome)
        } catch let error as BackupError {
            return .failure(error)
        } catch {
            return .failure(.cannotCopy(path: source.path, reason: "\(error)"))
        }
        if let thumbnail = entry.thumbnail {
            let source = archive.appendingPathComponent(thumbnail)
            let kept = store.appendingPathComponent(thumbnail)
            do {
                // Thumbnails are named after their object, not their own bytes (`verify --repair`
                // may remake one): copied again whenever the size differs, hashed either way.
                if let size = DurableCopy.size(of: source), size != DurableCopy.size(of: kept) {
                    let made = try DurableCopy.copy(source, to: kept)
                    outcome.thumbnailsCopied += 1
                    outcome.bytesCopied += made.bytes
                    outcome.lines.append(.init(sha256: made.sha256, path: thumbnail))
                } else if DurableCopy.size(of: kept) != nil {
                    outcome.lines.append(.init(sha256: try HashingCopy.sha256(of: kept.path), path: thumbnail))
                }
                // A thumbnail gone from the archive is `verify`'s to report; the object is what counts.
            } catch let error as BackupError {
                return .failure(error)
            } catch {
                return .failure(.cannotCopy(path: source.path, reason: "\(error)"))
            }
        }
        return .success(outcome)
    }
}
