import Foundation
import MediaArchive

/// One item's page. The player (`video#player`, `preload="metadata"` so opening the page
/// costs a range request, not the whole file) and the picture (`img#photo`) load from
/// `/media/<sha256>`; `a#download` fetches the original under its original name.
struct ItemPage {
    var item: StoredItem
    var countyName: String
    var language: Language

    private var entry: CatalogEntry { item.entry }
    private var name: String { PageShell.escape(entry.originalNames.first ?? entry.sha256) }
    private var text: Text { Text.of(language) }
    private var gallery: GalleryText { GalleryText.of(language) }
    private var wording: Wording { Wording(language) }

    func html() -> String {
        PageShell.document(title: PageShell.title(name, in: language), style: Self.style, body: """
        <main>
          <p class="back"><a href="/search?county=\(entry.county)">← \(text.everythingFrom(PageShell.escape(countyName)))</a></p>
          <h1>\(name)</h1>
          <div class="stage">\(stage())</div>
          <p><a id="download" href="/media/\(entry.sha256)?download=1">\(text.download)</a>\(text.parenthesis(ByteText.describe(entry.bytes, in: language)))</p>
          <table id="metadata">
        \(rows().map { #"    <tr><th>\#($0.label)</th><td>\#($0.html)</td></tr>"# }.joined(separator: "\n"))
          </table>
        </main>

        """, language: language)
    }

    struct Text: Bilingual {
        var everythingFrom: @Sendable (_ county: String) -> String
        var download: String
        var parenthesis: @Sendable (String) -> String
        var thumbnailOnly, downloadToView: String
        var names, county, kind, captured, timeSource, length, pictureSize, camera, location, title, description, check,
            warnings, format, size, ingested: String
        var bytes: @Sendable (Int64) -> String
        var position: @Sendable (_ latitude: String, _ longitude: String, _ altitude: String?) -> String
        var onMap: String
        /// Between the verdict and its reasons.
        var because: String
        // The error pages of an item link.
        var badLinkTitle, badLink, notFoundTitle: String
        var notFound: @Sendable (_ sha256: String) -> String

        static let zh = Text(
            everythingFrom: { "\($0)的全部材料" }, download: "下载原件", parenthesis: { "（\($0)）" },
            thumbnailOnly: "浏览器无法直接显示这种格式，这里是缩略图；请下载原件查看。", downloadToView: "请下载原件查看",
            names: "原始文件名", county: "区县", kind: "类型", captured: "拍摄时间", timeSource: "时间来源", length: "时长",
            pictureSize: "画面尺寸", camera: "相机", location: "拍摄位置", title: "标题", description: "说明", check: "检查结论",
            warnings: "提示", format: "文件格式", size: "大小", ingested: "入库时间", bytes: { "（\($0) 字节）" },
            position: { "纬度 \($0)，经度 \($1)" + ($2.map { "，海拔 \($0) 米" } ?? "") }, onMap: "在地图上查看", because: "：",
            badLinkTitle: "链接无效",
            badLink: "材料链接的末尾应是 64 位小写十六进制的 SHA-256 编号，这个链接不是。请从画廊或搜索页重新打开。",
            notFoundTitle: "找不到这件材料", notFound: { "档案中没有编号为 \($0) 的材料。它可能属于另一个档案，或链接抄错了。" })
        static let en = Text(
            everythingFrom: { "Everything from \($0)" }, download: "Download the original", parenthesis: { " (\($0))" },
            thumbnailOnly: "Browsers cannot show this format; this is the thumbnail. Download the original to see it.",
            downloadToView: "download the original to view it",
            names: "Original names", county: "County", kind: "Kind", captured: "Captured", timeSource: "Time from", length: "Length",
            pictureSize: "Picture size", camera: "Camera", location: "Location", title: "Title", description: "Description",
            check: "Check", warnings: "Warnings", format: "Format", size: "Size", ingested: "Ingested", bytes: { " (\($0) bytes)" },
            position: { "latitude \($0), longitude \($1)" + ($2.map { ", altitude \($0) m" } ?? "") }, onMap: "show on a map",
            because: ": ", badLinkTitle: "Invalid link",
            badLink: "An item link ends in its SHA-256: 64 lower-case hexadecimal digits. This one does not. Open the item again from the gallery or the search page.",
            notFoundTitle: "Item not found",
            notFound: { "Nothing in the archive has the number \($0). It may belong to another archive, or the link was copied wrongly." })
    }

    /// Browsers show these picture formats themselves; for others (HEIC, TIFF) the page shows
    /// the thumbnail, which the archive made upright from the original.
    private static let browserPictures: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "bmp", "avif"]

    private func stage() -> String {
        let media = "/media/\(entry.sha256)"
        let poster = entry.thumbnail != nil ? #" poster="/thumbs/\#(entry.sha256)""# : ""
        switch entry.kind {
        case .video:
            return #"<video id="player" controls preload="metadata" src="\#(media)"\#(poster)></video>"#
        case .audio:
            return #"<audio id="audio-player" controls preload="metadata" src="\#(media)"></audio>"#
        case .photo where Self.browserPictures.contains(item.object.pathExtension.lowercased()):
            return #"<img id="photo" src="\#(media)" alt="\#(name)">"#
        case .photo where entry.thumbnail != nil:
            return #"<img id="photo" src="/thumbs/\#(entry.sha256)" alt="\#(name)"><p class="note">\#(text.thumbnailOnly)</p>"#
        default:
            return #"<div class="placeholder">\#(gallery.kind(entry.kind))\#(text.because)\#(text.downloadToView)</div>"#
        }
    }

    /// Every fact the catalogue holds, as label and ready-made HTML.
    private func rows() -> [(label: String, html: String)] {
        let esc = PageShell.escape
        var rows: [(String, String)] = [
            (text.names, entry.originalNames.map(esc).joined(separator: "<br>")),
            (text.county, esc(countyName)),
            (text.kind, gallery.kind(entry.kind)),
            (text.captured, entry.capturedAt.map(esc) ?? wording.unknown),
            (text.timeSource, esc(gallery.captureSource(entry.capturedAtSource.rawValue))),
        ]
        if let seconds = entry.durationSeconds { rows.append((text.length, DurationText.clock(seconds))) }
        if let width = entry.width, let height = entry.height { rows.append((text.pictureSize, "\(width) × \(height)")) }
        let camera = [entry.camera?.make, entry.camera?.model].compactMap { $0 }.joined(separator: " ")
        rows.append((text.camera, camera.isEmpty ? wording.unknown : esc(camera)))
        rows.append((text.location, location()))
        if let title = entry.title { rows.append((text.title, esc(title))) }
        if let description = entry.description { rows.append((text.description, esc(description))) }
        // Entries from before the Chinese rendering was kept show their English sentences.
        let entryReasons = entry.reasons(in: language), entryWarnings = entry.warnings(in: language)
        let reasons = entryReasons.isEmpty ? "" : text.because + entryReasons.map(esc).joined(separator: wording.separator)
        rows.append((text.check, #"<span class="verdict \#(entry.verdict.rawValue)">\#(gallery.verdict(entry.verdict))</span>\#(reasons)"#))
        if !entryWarnings.isEmpty { rows.append((text.warnings, entryWarnings.map(esc).joined(separator: "<br>"))) }
        rows.append((text.format, esc(entry.format ?? wording.unknown)))
        // The exact count only adds something when the readable size is rounded (KiB and up).
        let exact = entry.bytes >= 1024 ? text.bytes(entry.bytes) : ""
        rows.append((text.size, ByteText.describe(entry.bytes, in: language) + exact))
        rows.append((text.ingested, esc(entry.ingestedAt)))
        rows.append(("SHA-256", #"<code>\#(entry.sha256)</code>"#))
        return rows
    }

    /// The stored WGS-84 position with a link to OpenStreetMap (which takes WGS-84 as is).
    private func location() -> String {
        guard let gps = entry.gps else { return wording.unknown }
        let lat = String(format: "%.6f", gps.latitude)
        let lon = String(format: "%.6f", gps.longitude)
        let altitude = gps.altitude.map { String(format: "%.0f", $0) }
        let map = "https://www.openstreetmap.org/?mlat=\(lat)&amp;mlon=\(lon)#map=16/\(lat)/\(lon)"
        return #"\#(text.position(lat, lon, altitude)) · <a id="map" href="\#(map)" target="_blank" rel="noopener">\#(text.onMap)</a>"#
    }

    private static let style = """
      main { max-width: 960px; margin: 0 auto; padding: 16px 16px 48px; }
      .back a, main a { color: #2f6fde; }
      h1 { font-size: 1.4rem; margin: 4px 0 12px; word-break: break-all; }
      .stage { background: #1d2330; border-radius: 12px; display: flex; flex-direction: column; align-items: center;
               justify-content: center; min-height: 200px; overflow: hidden; }
      .stage video, .stage img { max-width: 100%; max-height: 70vh; display: block; }
      .stage video { width: 100%; }  /* small phone clips play at a watchable size, letterboxed */
      .stage audio { width: 90%; margin: 24px; }
      .stage .note { color: #dfe4ee; margin: 8px; }
      .placeholder { color: #dfe4ee; font-size: 1.2rem; padding: 60px 16px; }
      #download { font-weight: 600; }
      table { width: 100%; border-collapse: collapse; background: #fff; border-radius: 12px; overflow: hidden; }
      th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid #e6e9ef; vertical-align: top; }
      th { width: 8em; color: #555d6b; font-weight: 600; white-space: nowrap; }
      td { word-break: break-all; }
      .verdict.pass { color: #1f7a43; font-weight: 600; }
      .verdict.fail, .verdict.error { color: #b42e2e; font-weight: 600; }

    """
}
