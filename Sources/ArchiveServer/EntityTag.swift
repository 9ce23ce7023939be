import Foundation

/// `If-None-Match` (RFC 9110 §13.1.2): does the client's copy match `etag`? The comparison is
/// the weak one the RFC prescribes for this header, so `W/"…"` matches too; `*` matches any.
enum EntityTag {
    static func ifNoneMatch(_ header: String?, matches etag: String) -> Bool {
        guard let header else { return false }
        let strip = { (tag: Substring) in tag.hasPrefix("W/") ? tag.dropFirst(2) : tag }
        let bare = strip(Substring(etag))
        return header.split(separator: ",").contains { listed in
            let tag = listed.trimmingCharacters(in: .whitespaces)
            return tag == "*" || strip(Substring(tag)) == bare
        }
    }
}
