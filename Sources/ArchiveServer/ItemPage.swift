import Foundation
import MediaArchive

/// One item's page (Templates/item.mustache): the picture or the player, everything the
/// catalogue knows about it as a table of facts, and the download link.
struct ItemPage: HTMLPage {
    static let template = "item"
    static let styleSheets = ["item.css"]

    var title: String
    var backHref: String
    var backLabel: String
    /// The item's first original name (what the county called it).
    var name: String
    var stage: Stage
    var downloadHref: String
    var downloadLabel: String
    var sizeNote: String
    var facts: [Fact]

    /// What the dark stage shows: exactly one of these is set.
    struct Stage {
        struct Player {
            var src: String
            var poster: String?
        }

        struct Picture {
            var src: String
            var alt: String
            var note: String?
        }

        var videoPlayer: Player?
        var audioPlayer: Player?
        var picture: Picture?
        var placeholderText: String?
    }

    /// One row of the table: its label, then lines of text (one per original name or warning),
    /// with a verdict badge before them, a hash in `<code>` or a map link after them.
    struct Fact {
        struct VerdictBadge {
            var verdict: String
            var text: String
        }

        struct MapLink {
            var href: String
            var text: String
        }

        var label: String
        var lines: [String]
        var verdictBadge: VerdictBadge?
        var code: String?
        var mapLink: MapLink?

        init(_ label: String, _ lines: [String], verdictBadge: VerdictBadge? = nil, code: String? = nil, mapLink: MapLink? = nil) {
            self.label = label
            self.lines = lines
            self.verdictBadge = verdictBadge
            self.code = code
            self.mapLink = mapLink
        }

        init(_ label: String, _ line: String) {
            self.init(label, [line])
        }
    }

    init(item: StoredItem, countyName: String, language: Language) {
        let entry = item.entry
        let text = Text.of(language)
        name = entry.originalNames.first ?? entry.sha256.hex
        title = NavBar.title(name, in: language)
        backHref = "/search?county=\(entry.county)"
        backLabel = text.everythingFrom(countyName)
        stage = Self.stage(item, name: name, text: text, gallery: GalleryText.of(language))
        downloadHref = "/media/\(entry.sha256)?download=1"
        downloadLabel = text.download
        sizeNote = text.parenthesis(ByteText.describe(entry.bytes, in: language))
        facts = Self.facts(entry, countyName: countyName, text: text, language: language)
    }

    struct Text: Bilingual {
        var everythingFrom: @Sendable (_ county: String) -> String
        var download: String
        var parenthesis: @Sendable (String) -> String
        var thumbnailOnly, downloadToView: String
        var names, county, round, part, kind, captured, timeSource, length, pictureSize, camera, location, title, description, check,
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
            names: "原始文件名", county: "区县", round: "轮次", part: "材料类别", kind: "类型", captured: "拍摄时间", timeSource: "时间来源", length: "时长",
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
            names: "Original names", county: "County", round: "Round", part: "Part", kind: "Kind", captured: "Captured", timeSource: "Time from", length: "Length",
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

    private static func stage(_ item: StoredItem, name: String, text: Text, gallery: GalleryText) -> Stage {
        let entry = item.entry
        let media = "/media/\(entry.sha256)"
        let thumbnail = entry.thumbnail != nil ? "/thumbs/\(entry.sha256)" : nil
        var stage = Stage()
        switch entry.kind {
        case .video:
            stage.videoPlayer = Stage.Player(src: media, poster: thumbnail)
        case .audio:
            stage.audioPlayer = Stage.Player(src: media)
        case .photo where Self.browserPictures.contains(item.objectExtension.lowercased()):
            stage.picture = Stage.Picture(src: media, alt: name)
        case .photo where thumbnail != nil:
            stage.picture = Stage.Picture(src: thumbnail ?? media, alt: name, note: text.thumbnailOnly)
        default:
            stage.placeholderText = gallery.kind(entry.kind) + text.because + text.downloadToView
        }
        return stage
    }

    /// Every fact the catalogue holds (`entry` placed in its round).
    private static func facts(_ entry: CatalogEntry, countyName: String, text: Text, language: Language) -> [Fact] {
        let gallery = GalleryText.of(language)
        let wording = Wording(language)
        var facts = [
            Fact(text.names, entry.originalNames),
            Fact(text.county, countyName),
            Fact(text.round, entry.round ?? wording.unknown),
            Fact(text.part, (entry.part ?? .other).name(in: language)),
            Fact(text.kind, gallery.kind(entry.kind)),
            Fact(text.captured, entry.capturedAt ?? wording.unknown),
            Fact(text.timeSource, gallery.captureSource(entry.capturedAtSource.rawValue)),
        ]
        if let seconds = entry.durationSeconds { facts.append(Fact(text.length, DurationText.clock(seconds))) }
        if let width = entry.width, let height = entry.height { facts.append(Fact(text.pictureSize, "\(width) × \(height)")) }
        let camera = [entry.camera?.make, entry.camera?.model].compactMap { $0 }.joined(separator: " ")
        facts.append(Fact(text.camera, camera.isEmpty ? wording.unknown : camera))
        facts.append(location(entry, text: text, wording: wording))
        if let title = entry.title { facts.append(Fact(text.title, title)) }
        if let description = entry.description { facts.append(Fact(text.description, description)) }
        // Entries from before the Chinese rendering was kept show their English sentences.
        let reasons = entry.reasons(in: language), warnings = entry.warnings(in: language)
        facts.append(Fact(text.check, reasons.isEmpty ? [] : [text.because + reasons.joined(separator: wording.separator)],
                          verdictBadge: Fact.VerdictBadge(verdict: entry.verdict.rawValue, text: gallery.verdict(entry.verdict))))
        if !warnings.isEmpty { facts.append(Fact(text.warnings, warnings)) }
        facts.append(Fact(text.format, entry.format ?? wording.unknown))
        // The exact count only adds something when the readable size is rounded (KiB and up).
        let exact = entry.bytes >= 1024 ? text.bytes(entry.bytes) : ""
        facts.append(Fact(text.size, ByteText.describe(entry.bytes, in: language) + exact))
        facts.append(Fact(text.ingested, entry.ingestedAt))
        facts.append(Fact("SHA-256", [], code: entry.sha256.hex))
        return facts
    }

    /// The stored WGS-84 position with a link to OpenStreetMap (which takes WGS-84 as is).
    private static func location(_ entry: CatalogEntry, text: Text, wording: Wording) -> Fact {
        guard let gps = entry.gps else { return Fact(text.location, wording.unknown) }
        let lat = String(format: "%.6f", gps.latitude)
        let lon = String(format: "%.6f", gps.longitude)
        let altitude = gps.altitude.map { String(format: "%.0f", $0) }
        let map = "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=16/\(lat)/\(lon)"
        return Fact(text.location, [text.position(lat, lon, altitude)], mapLink: Fact.MapLink(href: map, text: text.onMap))
    }
}
