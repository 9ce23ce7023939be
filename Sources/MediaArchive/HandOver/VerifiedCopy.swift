import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Copies a stored object out of the archive while re-hashing it, in one streaming pass (as
/// `HashingCopy` does on the way in): the copy gets its final name only when its SHA-256 is the
/// one the catalogue records, so a corrupted object is never handed over under a good name.
enum VerifiedCopy {
    enum Outcome: Equatable {
        case copied(bytes: Int64)
        /// The object's bytes are not the catalogued ones; nothing was left in the destination.
        case corrupt(actualSHA256: SHA256Hash)
    }

    /// Says which side failed: a source that cannot be read is one bad object; a destination
    /// that cannot be written stops the export.
    enum Failure: Error, CustomStringConvertible {
        case source(String)
        case destination(String)

        var description: String {
            switch self {
            case .source(let message), .destination(let message): message
            }
        }
    }

    /// Copies `source` to `destination`, which must not exist (nothing is ever overwritten).
    static func copy(from source: URL, to destination: URL, expectedSHA256: SHA256Hash) throws(Failure) -> Outcome {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .source(message("cannot open", source)) }
        defer { close(input) }

        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).part")
        guard let output = DirectOutput.create(temporary.path, direct: false) else {
            throw .destination(message("cannot create a file in", folder))
        }
        var placed = false
        defer { if !placed { unlink(temporary.path) } }

        let actual: SHA256Hash, total: Int64
        do {
            (actual, total) = try HashingCopy.hashAndCopy(from: input, sourcePath: source.path, into: output)
        } catch let failure as HashingCopy.StreamError {
            throw failure.side == .source ? .source("\(failure)") : .destination("\(failure)")
        } catch {
            throw .destination("\(error)")
        }
        guard actual == expectedSHA256 else { return .corrupt(actualSHA256: actual) }
        guard withExtendedLifetime(output, { fsync(output.descriptor) }) == 0 else {
            throw .destination(message("cannot save", destination))
        }
        try place(temporary, at: destination)
        placed = true
        return .copied(bytes: total)
    }

    /// Gives the verified copy its name without replacing anything already there: `link`
    /// refuses an existing name; file systems without hard links (FAT and exFAT sticks) fall
    /// back to a checked rename.
    private static func place(_ temporary: URL, at destination: URL) throws(Failure) {
        if link(temporary.path, destination.path) == 0 {
            unlink(temporary.path)
            return
        }
        if errno == EEXIST || FileManager.default.fileExists(atPath: destination.path) {
            throw .destination("\(destination.path) already exists; nothing was overwritten")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw .destination(message("cannot name the copy", destination))
        }
    }

    private static func message(_ what: String, _ url: URL) -> String {
        "\(what) \(url.path): \(String(cString: strerror(errno)))"
    }
}
