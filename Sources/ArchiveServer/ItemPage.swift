import Foundation
import MediaArchive

/// One item's page. The player (`video#player`, `preload="metadata"` so opening the page
/// costs a range request, not the whole file) and the picture (`img#photo`) load from
/// `/media/<sha256>`; `a#download` fetches the original under its original name.
struct ItemPage {
    var item: StoredItem
    var countyName: String

    private var entry: CatalogEntry { item.entry }
    private var name: String { PageShell.escape(entry.originalNames.first ?? entry.sha256) }

    func html() -> String {
        PageShell.document(title: "\(name) · 媒体档案", style: Self.style, body: """
        <main>
          <p class="back"><a href="/search?county=\(entry.county)">← \(PageShell.escape(countyName))的全部材料</a></p>
          <h1>\(name)</h1>
          <div class="stage">\(stage())</div>
          <p><a id="download" href="/media/\(entry.sha256)?download=1">下载原件</a>（\(ByteText.describe(entry.bytes))）</p>
          <table id="metadata">
        \(rows().map { #"    <tr><th>\#($0.label)</th><td>\#($0.html)</td></tr>"# }.joined(separator: "\n"))
          </table>
        </main>

        """)
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
            return #"<img id="photo" src="/thumbs/\#(entry.sha256)" alt="\#(name)"><p class="note">浏览器无法直接显示这种格式，这里是缩略图；请下载原件查看。</p>"#
        default:
            return #"<div class="placeholder">\#(GalleryText.kind(entry.kind))：请下载原件查看</div>"#
        }
    }

    /// Every fact the catalogue holds, as label and ready-made HTML.
    private func rows() -> [(label: String, html: String)] {
        let esc = PageShell.escape
        var rows: [(String, String)] = [
            ("原始文件名", entry.originalNames.map(esc).joined(separator: "<br>")),
            ("区县", esc(countyName)),
            ("类型", GalleryText.kind(entry.kind)),
            ("拍摄时间", entry.capturedAt.map(esc) ?? "未知"),
            ("时间来源", esc(GalleryText.captureSource(entry.capturedAtSource))),
        ]
        if let seconds = entry.durationSeconds { rows.append(("时长", DurationText.clock(seconds))) }
        if let width = entry.width, let height = entry.height { rows.append(("画面尺寸", "\(width) × \(height)")) }
        let camera = [entry.camera?.make, entry.camera?.model].compactMap { $0 }.joined(separator: " ")
        rows.append(("相机", camera.isEmpty ? "未知" : esc(camera)))
        rows.append(("拍摄位置", location()))
        if let title = entry.title { rows.append(("标题", esc(title))) }
        if let description = entry.description { rows.append(("说明", esc(description))) }
        let reasons = entry.reasons.isEmpty ? "" : "：" + entry.reasons.map(esc).joined(separator: "；")
        rows.append(("检查结论", #"<span class="verdict \#(entry.verdict.rawValue)">\#(GalleryText.verdict(entry.verdict))</span>\#(reasons)"#))
        if !entry.warnings.isEmpty { rows.append(("提示", entry.warnings.map(esc).joined(separator: "<br>"))) }
        rows.append(("文件格式", esc(entry.format ?? "未知")))
        rows.append(("大小", "\(ByteText.describe(entry.bytes))（\(entry.bytes) 字节）"))
        rows.append(("入库时间", esc(entry.ingestedAt)))
        rows.append(("SHA-256", #"<code>\#(entry.sha256)</code>"#))
        return rows
    }

    /// The stored WGS-84 position with a link to OpenStreetMap (which takes WGS-84 as is).
    private func location() -> String {
        guard let gps = entry.gps else { return "未知" }
        let lat = String(format: "%.6f", gps.latitude)
        let lon = String(format: "%.6f", gps.longitude)
        let altitude = gps.altitude.map { String(format: "，海拔 %.0f 米", $0) } ?? ""
        let map = "https://www.openstreetmap.org/?mlat=\(lat)&amp;mlon=\(lon)#map=16/\(lat)/\(lon)"
        return #"纬度 \#(lat)，经度 \#(lon)\#(altitude) · <a id="map" href="\#(map)" target="_blank" rel="noopener">在地图上查看</a>"#
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
