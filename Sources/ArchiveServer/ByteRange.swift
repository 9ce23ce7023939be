/// What a `Range` header asks of a file of `size` bytes (RFC 9110 §14). One range is served
/// (`bytes=a-b`, `bytes=a-`, `bytes=-n`); a header this server does not serve as a part
/// (another unit, several ranges, bad syntax) gets the whole file, as the RFC allows.
enum ByteRange: Equatable {
    case whole
    /// Inclusive byte offsets, within the file.
    case part(ClosedRange<Int64>)
    /// No byte of the range exists: 416.
    case unsatisfiable

    init(header: String?, size: Int64) {
        guard let header, let spec = Self.spec(header), !spec.contains(",") else {
            self = .whole
            return
        }
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2, bounds.allSatisfy(Self.isDigits), !(bounds[0].isEmpty && bounds[1].isEmpty) else {
            self = .whole
            return
        }
        // Past Int64 a number is only "very large": a first byte so far is beyond any file,
        // a last byte so far means "to the end".
        let last = bounds[1].isEmpty ? nil : Int64(bounds[1]) ?? Int64.max
        if bounds[0].isEmpty {
            guard let suffix = last, suffix > 0, size > 0 else {
                self = .unsatisfiable
                return
            }
            self = .part(max(0, size - suffix)...(size - 1))
            return
        }
        let first = Int64(bounds[0]) ?? Int64.max
        if let last, last < first {
            self = .whole
        } else if first >= size {
            self = .unsatisfiable
        } else {
            self = .part(first...min(last ?? Int64.max, size - 1))
        }
    }

    /// The text after `bytes=` (the unit is case-insensitive), or nil for another unit.
    private static func spec(_ header: String) -> Substring? {
        let trimmed = header.drop { $0 == " " }
        guard trimmed.prefix(6).lowercased() == "bytes=" else { return nil }
        return trimmed.dropFirst(6).drop { $0 == " " }
    }

    private static func isDigits(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
