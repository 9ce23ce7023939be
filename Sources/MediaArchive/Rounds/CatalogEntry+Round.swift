extension CatalogEntry {
    /// The entry with its round and part, as every reader shows it. Entries written before
    /// rounds existed (schema 1) have neither stored: they belong to the round whose week lies
    /// nearest their day, and are the part their kind and name tell (else `other`). Nothing is
    /// written back; the stored entry stays as it was.
    public func placed(in rounds: RoundRegistry) -> CatalogEntry {
        guard round == nil || part == nil else { return self }
        var placed = self
        if placed.round == nil { placed.round = rounds.round(nearest: day).id }
        if placed.part == nil { placed.part = Part.guess(kind: kind, name: originalNames.first ?? "") ?? .other }
        return placed
    }

    /// Whether this entry is the same hand-in as `other`: the same bytes for the same part of
    /// the same round. The same bytes for another part or round are another entry.
    func isSameHandIn(as other: CatalogEntry) -> Bool {
        sha256 == other.sha256 && round == other.round && part == other.part
    }
}
