import MediaArchive

/// The gallery's words for the catalogue's values, in the reader's language. Kinds and
/// verdicts are the message catalogue's own words (`Wording`).
struct GalleryText: Bilingual {
    var language: Language
    /// Where a capture time came from (`capturedAtSource`), for people.
    var sources: [String: String]
    var digitized, modified: String
    var ingestedOn: String

    static let zh = GalleryText(
        language: .zh,
        sources: ["exif-offset": "照片 EXIF 拍摄时间（含时区）", "exif-local-assumed-zone": "照片 EXIF 拍摄时间（无时区，按政策时区）",
                  "quicktime-local": "视频元数据（拍摄地时间）", "quicktime-utc": "视频元数据（UTC，已换算）", "none": "无"],
        digitized: "照片 EXIF 数字化时间", modified: "照片 EXIF 修改时间（可能晚于拍摄）", ingestedOn: "入库")
    static let en = GalleryText(
        language: .en,
        sources: ["exif-offset": "photo EXIF capture time (with zone)",
                  "exif-local-assumed-zone": "photo EXIF capture time (no zone; the policy's zone assumed)",
                  "quicktime-local": "video metadata (local time where filmed)", "quicktime-utc": "video metadata (UTC, converted)",
                  "none": "none"],
        digitized: "photo EXIF digitized time", modified: "photo EXIF modified time (may be later than capture)",
        ingestedOn: "ingested")

    func kind(_ kind: MediaKind) -> String { Wording(language).kind(kind) }

    func verdict(_ verdict: Verdict) -> String { Wording(language).verdict(verdict) }

    func captureSource(_ source: String) -> String {
        if let text = sources[source] { return "\(text) · \(source)" }
        if source.hasPrefix("exif-digitized") { return "\(digitized) · \(source)" }
        if source.hasPrefix("exif-modified") { return "\(modified) · \(source)" }
        return source
    }

    /// "2021 · 总结" / "2021 · summary": the round an entry belongs to and its part, as the
    /// notice names it (`entry` placed in its round).
    func handIn(of entry: CatalogEntry) -> String {
        [entry.round, entry.part.map { $0.name(in: language) }].compactMap { $0 }.joined(separator: " · ")
    }

    /// The day shown under a tile: the capture day, else the ingest day, said so.
    func day(of entry: CatalogEntry) -> String {
        if let captured = entry.capturedAt { return String(captured.prefix(10)) }
        return "\(ingestedOn) \(entry.ingestedAt.prefix(10))"
    }
}
