/// How much an untrusted DOCX/XLSX may make us unpack and parse. A real filled form is a few
/// hundred kilobytes; these caps are far above any form and far below what hurts the machine.
public struct ReadingLimits: Sendable, Equatable {
    /// Entries in the zip. Word writes about 15, Excel 10 plus one per sheet; 10,000 means a trick.
    public var maxEntries: Int
    /// Bytes one part may unpack to (counted while inflating; the zip's own size fields can lie).
    public var maxEntryBytes: Int
    /// Bytes all parts read together may unpack to.
    public var maxTotalBytes: Int
    /// Largest unpacked/packed ratio allowed for a part over `ratioCheckFloor` bytes. XML packs
    /// 5–30:1, a sheet of repeated empty cells perhaps 100:1; bombs reach 1,000:1.
    public var maxCompressionRatio: Int
    /// Parts smaller than this are never judged by ratio (a tiny part packs oddly and is harmless).
    public var ratioCheckFloor: Int
    /// Element nesting depth in any XML part. Word nests tables in tables, rarely past 30.
    public var maxXMLDepth: Int
    /// Elements in any one XML part.
    public var maxXMLElements: Int
    /// Rows × columns of one table or sheet once laid out as a grid (a cell in column XFD of row
    /// 1,000,000 would otherwise ask for sixteen billion).
    public var maxGridCells: Int

    public init(maxEntries: Int = 10_000, maxEntryBytes: Int = 64 << 20, maxTotalBytes: Int = 256 << 20,
                maxCompressionRatio: Int = 200, ratioCheckFloor: Int = 1 << 20,
                maxXMLDepth: Int = 256, maxXMLElements: Int = 2_000_000, maxGridCells: Int = 2_000_000) {
        self.maxEntries = maxEntries
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckFloor = ratioCheckFloor
        self.maxXMLDepth = maxXMLDepth
        self.maxXMLElements = maxXMLElements
        self.maxGridCells = maxGridCells
    }

    public static let standard = ReadingLimits()
}

extension Int {
    /// "64 MB" (or "16 KB" for a small cap) for messages a clerk reads.
    var megabytes: String { self >= 1 << 20 ? "\(self >> 20) MB" : "\(self >> 10) KB" }
}
