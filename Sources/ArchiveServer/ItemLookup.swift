import Foundation
import Hummingbird
import MediaArchive

/// The item a `/items/:sha256`, `/media/:sha256` or `/thumbs/:sha256` URL names. Only exactly
/// 64 lower-case hex digits are taken; the catalogue's SHA-256 → day locator finds the entry,
/// and the file paths come from the entry, so no text from the URL ever becomes a path.
struct ItemLookup: Sendable {
    let catalog: Catalog
    let access: Access

    static let parameter = "sha256"

    /// The URL's SHA-256, or nil when it is anything but 64 lower-case hex digits.
    static func sha256(in context: some RequestContext) -> SHA256Hash? {
        context.parameters.get(parameter).flatMap { SHA256Hash(hex: String($0)) }
    }

    /// The item, or nil when no county holds it — or only a county this request may not see,
    /// which looks the same from outside, so a county token cannot probe another's hashes.
    func find(_ sha256: SHA256Hash, visibleTo visibility: Visibility) async throws -> StoredItem? {
        let catalog = self.catalog
        let only: String? = if case .county(let own) = visibility { own } else { nil }
        return try await BlockingWork.run(failing: "the catalogue could not be read") { try catalog.item(sha256: sha256, inCounty: only) }
    }

    /// For the file routes: 401 without access, 400 for a malformed SHA-256, 404 for one no
    /// county holds.
    func requireItem(_ request: Request, context: some RequestContext) async throws -> StoredItem {
        let visibility = try await access.requireBrowse(request)
        guard let sha256 = Self.sha256(in: context) else {
            throw ServerError.badRequest("an item is named by its SHA-256: exactly 64 lower-case hex digits")
        }
        guard let item = try await find(sha256, visibleTo: visibility) else {
            throw ServerError(status: .notFound, message: "no item in the archive has the SHA-256 \(sha256)")
        }
        return item
    }
}
