import Foundation
import ZIPFoundation

/// The zip inside a DOCX or XLSX, opened for reading under `ReadingLimits`. Parts are unpacked
/// one at a time on request and counted while they inflate, so a zip that lies about its sizes
/// is stopped at the cap, never after it has filled memory.
///
/// Not Sendable: it owns ZIPFoundation's open file. Read a file in one task.
final class OfficePackage {
    let fileName: String
    let limits: ReadingLimits
    private let archive: Archive
    private let entries: [String: Entry]
    private var bytesUnpacked = 0

    init(url: URL, limits: ReadingLimits) throws {
        fileName = url.lastPathComponent
        self.limits = limits
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw OfficeDocumentError.notAnOfficeFile(url.lastPathComponent, "it is not a zip package")
        }
        self.archive = archive
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            if count > limits.maxEntries {
                throw OfficeDocumentError.overLimit(fileName, "this file holds more than \(limits.maxEntries) parts")
            }
            entries[Self.normalised(entry.path)] = entry
        }
        self.entries = entries
    }

    /// Part names compare without a leading slash and case-insensitively, as OPC says they do.
    private static func normalised(_ path: String) -> String {
        var path = path
        while path.hasPrefix("/") { path.removeFirst() }
        return path.lowercased()
    }

    func contains(_ part: String) -> Bool { entries[Self.normalised(part)] != nil }

    /// The part's bytes, or nil when the package has no such part.
    func data(of part: String) throws -> Data? {
        guard let entry = entries[Self.normalised(part)], entry.type == .file else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        if declared > limits.maxEntryBytes {
            throw OfficeDocumentError.overLimit(fileName, "its part \(part) unpacks to more than \(limits.maxEntryBytes.megabytes)")
        }
        if bytesUnpacked + declared > limits.maxTotalBytes {
            throw OfficeDocumentError.overLimit(fileName, "this file unpacks to more than \(limits.maxTotalBytes.megabytes)")
        }
        let packed = max(Int(clamping: entry.compressedSize), 1)
        var data = Data()
        data.reserveCapacity(min(declared, 4 << 20))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                try self.check(unpacked: data.count, packed: packed, part: part)
            }
        } catch let error as OfficeDocumentError {
            throw error
        } catch {
            throw OfficeDocumentError.damaged(fileName, "its part \(part) cannot be unpacked: \(error)")
        }
        bytesUnpacked += data.count
        return data
    }

    private func check(unpacked: Int, packed: Int, part: String) throws {
        if unpacked > limits.maxEntryBytes {
            throw OfficeDocumentError.overLimit(fileName, "its part \(part) unpacks to more than \(limits.maxEntryBytes.megabytes)")
        }
        if bytesUnpacked + unpacked > limits.maxTotalBytes {
            throw OfficeDocumentError.overLimit(fileName, "this file unpacks to more than \(limits.maxTotalBytes.megabytes)")
        }
        if unpacked > limits.ratioCheckFloor, unpacked / packed > limits.maxCompressionRatio {
            throw OfficeDocumentError.overLimit(
                fileName, "its part \(part) unpacks to more than \(limits.maxCompressionRatio) times its packed size (a zip bomb)")
        }
    }

    /// The part parsed as XML under the limits.
    func xml(of part: String) throws -> OfficeXMLElement? {
        guard let data = try data(of: part) else { return nil }
        return try SafeXMLParser.parse(data, file: fileName, part: part, limits: limits)
    }

    /// Targets of a part's relationships (`word/_rels/document.xml.rels`), by relationship id,
    /// resolved to part names inside the package.
    func relationships(of part: String) throws -> [String: String] {
        let folder = (part as NSString).deletingLastPathComponent
        let relsPart = (folder as NSString).appendingPathComponent("_rels/\((part as NSString).lastPathComponent).rels")
        guard let rels = try xml(of: relsPart) else { return [:] }
        var targets: [String: String] = [:]
        for relationship in rels.children(named: "Relationship") {
            guard let id = relationship.attribute("Id"), let target = relationship.attribute("Target"),
                  relationship.attribute("TargetMode") != "External" else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : Self.resolve(target, from: folder)
        }
        return targets
    }

    private static func resolve(_ target: String, from folder: String) -> String {
        var components = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !components.isEmpty { components.removeLast() } } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }
}
