import MediaArchive

/// The gallery's words for the catalogue's values, in the reader's language. Kinds and
/// verdicts are the message catalogue's own words (`Wording`).
struct GalleryText: Bilingual {
    var language: Language
    var onTime, nothingSubmitted: String
    var late: @Sendable (_ items: Int) -> String
    /// Where a capture time came from (`capturedAtSource`), for people.
    var sources: [String: String]
    var digitized, modified: String
    var ingestedOn: String

    static let zh = GalleryText(
        language: .zh, onTime: "已提交（按期）", nothingSubmitted: "尚未提交", late: { "已提交，\($0) 件逾期" },
        sources: ["exif-offset": "照片 EXIF 拍摄时间（含时区）", "exif-local-assumed-zone": "照片 EXIF 拍摄时间（无时区，按政策时区）",
                  "quicktime-local": "视频元数据（拍摄地时间）", "quicktime-utc": "视频元数据（UTC，已换算）", "none": "无"],
        digitized: "照片 EXIF 数字化时间", modified: "照片 EXIF 修改时间（可能晚于拍摄）", ingestedOn: "入库")
    static let en = GalleryText(
        language: .en, onTime: "handed in (on time)", nothingSubmitted: "nothing handed in yet",
        late: { "handed in, \($0) late" },
        sources: ["exif-offset": "photo EXIF capture time (with zone)",
                  "exif-local-assumed-zone": "photo EXIF capture time (no zone; the policy's zone assumed)",
                  "quicktime-local": "video metadata (local time where filmed)", "quicktime-utc": "video metadata (UTC, converted)",
                  "none": "none"],
        digitized: "photo EXIF digitized time", modified: "photo EXIF modified time (may be later than capture)",
        ingestedOn: "ingested")

    func kind(_ kind: MediaKind) -> String { Wording(language).kind(kind) }

    func verdict(_ verdict: Verdict) -> String { Wording(language).verdict(verdict) }

    func deadline(_ report: CountyReport) -> String {
        switch report.deadline {
        case .onTime: onTime
        case .late: late(report.lateItems)
        case .nothingSubmitted: nothingSubmitted
        }
    }

    func captureSource(_ source: String) -> String {
        if let text = sources[source] { return "\(text) · \(source)" }
        if source.hasPrefix("exif-digitized") { return "\(digitized) · \(source)" }
        if source.hasPrefix("exif-modified") { return "\(modified) · \(source)" }
        return source
    }

    /// The day shown under a tile: the capture day, else the ingest day, said so.
    func day(of entry: CatalogEntry) -> String {
        if let captured = entry.capturedAt { return String(captured.prefix(10)) }
        return "\(ingestedOn) \(entry.ingestedAt.prefix(10))"
    }
}
