import Foundation
import Hummingbird
import MediaArchive

/// The gallery's search page (Templates/search.mustache): the filter form, filled in with what
/// was asked, and a grid of tiles linking to each item's page.
struct SearchPage: HTMLPage {
    static let template = "search"
    static let styleSheets = ["search.css"]

    var title: String
    var heading: String
    var form: Form
    /// Why the filters could not be used, in the page's language.
    var problem: String?
    var results: Results?
    var section: NavBar.Section? { .search }

    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Form {
        var countyLabel, fromLabel, toLabel, kindLabel, roundLabel, partLabel, textLabel, textHint, submitLabel: String
        var countyOptions, kindOptions, roundOptions, partOptions: [Option]
        var fromValue, toValue, textValue: String
    }

    struct Results {
        var summary: String
        var tiles: [Tile]
        var more: MoreLink?
    }

    /// One item: its thumbnail (or a tile naming its kind when it has none, so no image is ever
    /// broken), a length badge for videos, its name, county, day, round and part. A media
    /// report (`link`) has no stored file: its tile is the article's title linking to the
    /// article, with the outlet and the day it was published.
    struct Tile {
        var link: Link?
        var itemHref: String
        var name: String
        var thumbnailSrc: String?
        /// The picture as shown, upright (a turned phone photo or video is taller than wide),
        /// so the browser lays the thumbnail out in its own shape before it arrives.
        var shownSize: ShownSize?
        var placeholderKind: String?
        var durationBadge: String?
        var county: String
        var day: String
        /// "2021 · 总结": the round and the part in the reader's language.
        var handIn: String
    }

    struct Link {
        var href: String
        var title: String
        var outlet: String?
        var published: String?
    }

    struct ShownSize {
        var width: Int
        var height: Int
    }

    struct MoreLink {
        var href: String
        var label: String
    }

    /// `parameters`: the query string as sent, to fill in the form and carry into the "more" link.
    init(settings: ArchiveSettings, parameters: Parameters, language: Language, results page: CatalogPage? = nil, problem: String? = nil) {
        let text = Text.of(language)
        let gallery = GalleryText.of(language)
        title = NavBar.title(text.heading, in: language)
        heading = text.heading
        self.problem = problem
        let value = { (name: String) in parameters.get(name).map { String($0) } ?? "" }
        let counties = settings.counties
        let chosenCounty = (try? counties.resolve(value("county")))?.slug
        let kinds: [MediaKind] = [.video, .photo, .document, .audio, .link]
        form = Form(
            countyLabel: text.county, fromLabel: text.from, toLabel: text.to, kindLabel: text.kind, roundLabel: text.round,
            partLabel: text.part, textLabel: text.words,
            textHint: text.wordsHint, submitLabel: text.heading,
            countyOptions: [Option(value: "", label: text.allCounties, selected: false)]
                + counties.counties.map { Option(value: $0.slug, label: $0.name, selected: $0.slug == chosenCounty) },
            kindOptions: [Option(value: "", label: text.allKinds, selected: false)]
                + kinds.map { Option(value: $0.rawValue, label: gallery.kind($0), selected: $0.rawValue == value("kind")) },
            roundOptions: [Option(value: "", label: text.allRounds, selected: false)]
                // Round names are Chinese: English pages name a round by its id.
                + settings.rounds.rounds.map { Option(value: $0.id, label: language == .zh ? $0.name : $0.id, selected: $0.id == value("round")) },
            partOptions: [Option(value: "", label: text.allParts, selected: false)]
                + Part.allCases.map { Option(value: $0.rawValue, label: $0.name(in: language), selected: $0.rawValue == value("part")) },
            fromValue: value("from"), toValue: value("to"), textValue: value("text"))
        results = page.map { page in
            Results(summary: Self.summary(page, text: text),
                    tiles: page.entries.map { Self.tile($0.placed(in: settings.rounds), counties: counties, gallery: gallery) },
                    more: page.hasMore
                        ? MoreLink(href: QueryLink.to("/search", keeping: parameters, setting: "offset",
                                                      to: "\(page.offset + page.entries.count)"),
                                   label: text.more)
                        : nil)
        }
    }

    struct Text: Bilingual {
        var heading, county, from, to, kind, round, part, words, allCounties, allKinds, allRounds, allParts, wordsHint, nothingFound,
            nothingMore: String
        var found: @Sendable (_ count: Int) -> String
        var range: @Sendable (_ first: Int, _ last: Int, _ hasMore: Bool) -> String
        var more: String

        static let zh = Text(
            heading: "搜索", county: "区县", from: "起始日期", to: "截止日期", kind: "类型", round: "轮次", part: "材料类别", words: "文字",
            allCounties: "全部区县", allKinds: "全部类型", allRounds: "全部轮次", allParts: "全部类别", wordsHint: "文件名、标题或说明", nothingFound: "没有找到符合条件的材料。",
            nothingMore: "这一页之后没有更多材料了。", found: { "共找到 \($0) 件。" },
            range: { "第 \($0)–\($1) 件\($2 ? "，后面还有" : "（最后一页）")。" }, more: "更多")
        static let en = Text(
            heading: "Search", county: "County", from: "From", to: "To", kind: "Kind", round: "Round", part: "Part", words: "Text",
            allCounties: "All counties", allKinds: "All kinds", allRounds: "All rounds", allParts: "All parts", wordsHint: "File name, title or description", nothingFound: "Nothing matches these filters.",
            nothingMore: "Nothing more after this page.", found: { "\($0) found." },
            range: { "Items \($0)–\($1)\($2 ? "; more follow" : " (last page)")." }, more: "More")
    }

    private static func summary(_ page: CatalogPage, text: Text) -> String {
        let first = page.offset + 1
        let last = page.offset + page.entries.count
        if page.entries.isEmpty {
            return page.offset == 0 ? text.nothingFound : text.nothingMore
        } else if page.offset == 0 && !page.hasMore {
            return text.found(page.entries.count)
        }
        return text.range(first, last, page.hasMore)
    }

    /// Upright: the display size; entries of schema 1 have only `width`/`height`, which were
    /// the displayed size for HEIC and the stored one otherwise.
    private static func shownSize(of entry: CatalogEntry) -> ShownSize? {
        guard let width = entry.displayWidth ?? entry.width, let height = entry.displayHeight ?? entry.height,
              width > 0, height > 0 else { return nil }
        return ShownSize(width: width, height: height)
    }

    /// `entry` placed in its round, so entries from before rounds show theirs too.
    private static func tile(_ entry: CatalogEntry, counties: CountyRegistry, gallery: GalleryText) -> Tile {
        let link = entry.kind == .link
        return Tile(link: link ? Link(href: entry.url ?? "", title: entry.title ?? entry.url ?? "", outlet: entry.outlet,
                                      published: entry.published.map { "\($0)" }) : nil,
             itemHref: "/items/\(entry.sha256)", name: entry.originalNames.first ?? entry.sha256.hex,
             thumbnailSrc: !link && entry.thumbnail != nil ? "/thumbs/\(entry.sha256)" : nil,
             shownSize: shownSize(of: entry),
             placeholderKind: entry.thumbnail == nil ? gallery.kind(entry.kind) : nil,
             durationBadge: entry.kind == .video ? entry.durationSeconds.map(DurationText.badge) : nil,
             county: (try? counties.resolve(entry.county))?.name ?? entry.county,
             day: gallery.day(of: entry),
             handIn: gallery.handIn(of: entry))
    }
}
