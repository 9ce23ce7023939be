import MediaArchive

/// The gallery's words for the catalogue's values, in Chinese for the archivists.
enum GalleryText {
    static func kind(_ kind: MediaKind) -> String {
        switch kind {
        case .video: "视频"
        case .photo: "照片"
        case .document: "文档"
        case .audio: "音频"
        case .unknown: "其他"
        }
    }

    static func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .pass: "合格"
        case .fail: "不合格"
        case .error: "无法读取"
        }
    }

    static func deadline(_ report: CountyReport) -> String {
        switch report.deadline {
        case .onTime: "已提交（按期）"
        case .late: "已提交，\(report.lateItems) 件逾期"
        case .nothingSubmitted: "尚未提交"
        }
    }

    /// Where a capture time came from (`capturedAtSource`), for people.
    static func captureSource(_ source: String) -> String {
        let known: [String: String] = [
            "exif-offset": "照片 EXIF 拍摄时间（含时区）",
            "exif-local-assumed-zone": "照片 EXIF 拍摄时间（无时区，按政策时区）",
            "quicktime-local": "视频元数据（拍摄地时间）",
            "quicktime-utc": "视频元数据（UTC，已换算）",
            "none": "无",
        ]
        if let text = known[source] { return "\(text) · \(source)" }
        if source.hasPrefix("exif-digitized") { return "照片 EXIF 数字化时间 · \(source)" }
        if source.hasPrefix("exif-modified") { return "照片 EXIF 修改时间（可能晚于拍摄） · \(source)" }
        return source
    }

    /// The day shown under a tile: the capture day, else the ingest day, said so.
    static func day(of entry: CatalogEntry) -> String {
        if let captured = entry.capturedAt { return String(captured.prefix(10)) }
        return "入库 \(entry.ingestedAt.prefix(10))"
    }
}
