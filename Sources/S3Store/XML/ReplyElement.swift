/// One element of a store's XML reply: S3 replies are small trees of named text fields
/// (`<ListBucketResult><Contents><Key>…`), so a tree with child lookup is all that is needed.
struct ReplyElement: Sendable, Equatable {
    var name: String
    var text: String
    var children: [ReplyElement]

    /// The first child of that name, e.g. `reply.child("NextContinuationToken")`.
    func child(_ name: String) -> ReplyElement? {
        children.first { $0.name == name }
    }

    func children(_ name: String) -> [ReplyElement] {
        children.filter { $0.name == name }
    }

    /// The text of the first child of that name, or nil when the element is absent.
    subscript(_ name: String) -> String? {
        child(name)?.text
    }
}
