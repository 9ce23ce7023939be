import Crypto
import Foundation

/// The tag files of a BagIt 1.0 bag (RFC 8493) around a payload already copied into `data/`.
///
/// The payload manifest is written from the catalogue's SHA-256s: each file was verified
/// against its catalogue hash while it was copied, so no payload file is read twice.
struct BagIt {
    /// The bag's top folder.
    var root: URL

    /// One payload file: its path relative to the bag ("data/…") and its SHA-256.
    struct PayloadFile {
        var path: String
        var sha256: SHA256Hash
    }

    static let declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    /// Writes bagit.txt, bag-info.txt, manifest-sha256.txt, the extra tag files, and last
    /// tagmanifest-sha256.txt over all of them.
    func write(payload: [PayloadFile], payloadBytes: Int64, info: [(label: String, value: String)],
               tagFiles: [(name: String, data: Data)]) throws {
        let oxum = ("Payload-Oxum", "\(payloadBytes).\(payload.count)")
        let infoText = (info + [oxum]).map { "\($0.0): \(Self.oneLine($0.1))\n" }.joined()
        let manifest = payload.map { "\($0.sha256)  \(Self.encodePath($0.path))\n" }.joined()

        var tagged: [(name: String, data: Data)] = [
            ("bagit.txt", Data(Self.declaration.utf8)),
            ("bag-info.txt", Data(infoText.utf8)),
            ("manifest-sha256.txt", Data(manifest.utf8)),
        ]
        tagged += tagFiles
        for file in tagged {
            try AtomicFile.write(file.data, to: root.appendingPathComponent(file.name))
        }
        let tagManifest = tagged.map { "\(SHA256Hash(SHA256.hash(data: $0.data)))  \(Self.encodePath($0.name))\n" }.joined()
        try AtomicFile.write(Data(tagManifest.utf8), to: root.appendingPathComponent("tagmanifest-sha256.txt"))
    }

    /// RFC 8493 §2.1.3: in a manifest, CR, LF and "%" in a path (and only those) are
    /// percent-encoded.
    static func encodePath(_ path: String) -> String {
        var encoded = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": encoded += "%25"
            case "\r": encoded += "%0D"
            case "\n": encoded += "%0A"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }

    /// A bag-info value must stay on its line.
    static func oneLine(_ text: String) -> String {
        text.components(separatedBy: .newlines).joined(separator: " ")
    }
}
