import Foundation
import MediaArchive

/// The `check` object with one more key, `thumbnail`: a `data:image/jpeg;base64,…` URL, or
/// null when no picture could be made. Inline, because nothing of a self-check is kept on the
/// server for a second request to fetch.
struct CheckWithThumbnail: Encodable {
    let result: CheckResult
    let thumbnailJPEG: Data?

    private enum CodingKeys: String, CodingKey { case thumbnail }

    func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(thumbnailJPEG.map { "data:image/jpeg;base64," + $0.base64EncodedString() }, forKey: .thumbnail)
    }
}
