import Foundation
import Hummingbird
import MediaArchive

/// The gallery's search page: the filter form, filled in with what was asked, and a grid of
/// tiles linking to each item's page. Element ids and classes (`#search`, `#results`,
/// `a.item`, `img.thumb`, `.duration`, `#more`) are what the browser test looks for.
struct SearchPage {
    var counties: CountyRegistry
    /// The query string as sent, to fill in the form and carry into the "more" link.
    var parameters: Parameters
    var language: Language
    var results: CatalogPage?
    /// Why the filters could not be used, in the page's language.
    var problem: String?

    private var text: Text { Text.of(language) }
    private var gallery: GalleryText { GalleryText.of(language) }

    func html() -> String {
        PageShell.document(title: PageShell.title(text.heading, in: language), style: Self.style, body: """
        <main>
          <h1>\(text.heading)</h1>
        \(form())
        \(problem.map { #"  <p class="error" role="alert">\#(PageShell.escape($0))</p>"# } ?? "")
        \(results.map(resultsHTML) ?? "")
        </main>

        """, current: .search, language: language)
    }

    struct Text: Bilingual {
        var heading, county, from, to, kind, words, allCounties, allKinds, wordsHint, nothingFound, nothingMore: String
        var found: @Sendable (_ count: Int) -> String
        var range: @Sendable (_ first: Int, _ last: Int, _ hasMore: Bool) -> String
        var more: String

        static let zh = Text(
            heading: "搜索", county: "区县", from: "起始日期", to: "截止日期", kind: "类型", words: "文字", allCounties: "全部区县",
            allKinds: "全部类型", wordsHint: "文件名、标题或说明", nothingFound: "没有找到符合条件的材料。",
            nothingMore: "这一页之后没有更多材料了。", found: { "共找到 \($0) 件。" },
            range: { "第 \($0)–\($1) 件\($2 ? "，后面还有" : "（最后一页）")。" }, more: "更多")
        static let en = Text(
            heading: "Search", county: "County", from: "From", to: "To", kind: "Kind", words: "Text", allCounties: "All counties",
            allKinds: "All kinds", wordsHint: "File name, title or description", nothingFound: "Nothing matches these filters.",
            nothingMore: "Nothing more after this page.", found: { "\($0) found." },
            range: { "Items \($0)–\($1)\($2 ? "; more follow" : " (last page)")." }, more: "More")
    }

    private func value(_ name: String) -> String {
        parameters.get(name).map { String($0) } ?? ""
    }

    private func form() -> String {
        let chosenCounty = (try? counties.resolve(value("county")))?.slug
        let countyOptions = counties.counties.map { county in
            option(county.slug, county.name, selected: county.slug == chosenCounty)
        }
        let kinds: [MediaKind] = [.video, .photo, .document, .audio]
        let kindOptions = kinds.map { option($0.rawValue, gallery.kind($0), selected: $0.rawValue == value("kind")) }
        return """
          <form id="search" method="get" action="/search">
            <label>\(text.county) <select name="county">\(option("", text.allCounties, selected: false))\(countyOptions.joined())</select></label>
            <label>\(text.from) <input type="date" name="from" value="\(PageShell.escape(value("from")))"></label>
            <label>\(text.to) <input type="date" name="to" value="\(PageShell.escape(value("to")))"></label>
            <label>\(text.kind) <select name="kind">\(option("", text.allKinds, selected: false))\(kindOptions.joined())</select></label>
            <label>\(text.words) <input type="search" name="text" value="\(PageShell.escape(value("text")))" placeholder="\(text.wordsHint)"></label>
            <button type="submit">\(text.heading)</button>
          </form>
        """
    }

    private func option(_ value: String, _ label: String, selected: Bool) -> String {
        #"<option value="\#(PageShell.escape(value))"\#(selected ? " selected" : "")>\#(PageShell.escape(label))</option>"#
    }

    private func resultsHTML(_ page: CatalogPage) -> String {
        let first = page.offset + 1
        let last = page.offset + page.entries.count
        let summary: String
        if page.entries.isEmpty {
            summary = page.offset == 0 ? text.nothingFound : text.nothingMore
        } else if page.offset == 0 && !page.hasMore {
            summary = text.found(page.entries.count)
        } else {
            summary = text.range(first, last, page.hasMore)
        }
        let more = page.hasMore
            ? #"  <p class="more"><a id="more" href="\#(PageShell.escape(link(offset: last)))">\#(text.more)</a></p>"#
            : ""
        return """
          <p class="summary">\(summary)</p>
          <div id="results">
        \(page.entries.map(tile).joined(separator: "\n"))
          </div>
        \(more)
        """
    }

    /// One item: its thumbnail (or a tile naming its kind when it has none, so no image is
    /// ever broken), a length badge for videos, its name, county and day.
    private func tile(_ entry: CatalogEntry) -> String {
        let name = PageShell.escape(entry.originalNames.first ?? entry.sha256)
        let picture = entry.thumbnail != nil
            ? #"<img class="thumb" src="/thumbs/\#(entry.sha256)" loading="lazy" alt="\#(name)">"#
            : #"<span class="placeholder">\#(gallery.kind(entry.kind))</span>"#
        let badge = entry.kind == .video
            ? entry.durationSeconds.map { #"<span class="duration">\#(DurationText.badge($0))</span>"# } ?? ""
            : ""
        let county = (try? counties.resolve(entry.county))?.name ?? entry.county
        return """
            <a class="item" href="/items/\(entry.sha256)">
              <span class="frame">\(picture)\(badge)</span>
              <span class="name">\(name)</span>
              <span class="meta">\(PageShell.escape(county)) · \(PageShell.escape(gallery.day(of: entry)))</span>
            </a>
        """
    }

    /// This search again from `offset`, every other parameter as it was sent.
    private func link(offset: Int) -> String {
        QueryLink.to("/search", keeping: parameters, setting: "offset", to: "\(offset)")
    }

    private static let style = """
      main { max-width: 1200px; margin: 0 auto; padding: 24px 16px 48px; }
      h1 { font-size: 1.6rem; margin: 0 0 12px; }
      #search { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; background: #fff; padding: 14px 16px;
                border-radius: 12px; }
      #search label { display: flex; flex-direction: column; gap: 4px; font-size: .9rem; color: #555d6b; }
      #search input, #search select { font: inherit; padding: 6px 8px; border: 1px solid #9aa4b5; border-radius: 8px; }
      #search button { font: inherit; padding: 8px 20px; border: 0; border-radius: 8px; background: #2f6fde; color: #fff;
                       cursor: pointer; }
      .error { color: #b42323; background: #fdecec; padding: 10px; border-radius: 8px; }
      .summary { color: #555d6b; }
      #results { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 14px; }
      a.item { display: flex; flex-direction: column; gap: 4px; background: #fff; border-radius: 10px; padding: 8px;
               color: inherit; text-decoration: none; }
      a.item:hover { outline: 2px solid #2f6fde; }
      .frame { position: relative; display: block; aspect-ratio: 4 / 3; background: #e6e9ef; border-radius: 6px;
               overflow: hidden; }
      .frame img, .placeholder { width: 100%; height: 100%; object-fit: contain; display: flex; align-items: center;
                                 justify-content: center; color: #666f7e; font-size: 1.1rem; }
      .duration { position: absolute; right: 6px; bottom: 6px; background: rgba(0,0,0,.72); color: #fff; font-size: .8rem;
                  padding: 1px 6px; border-radius: 4px; font-variant-numeric: tabular-nums; }
      .name { font-weight: 600; word-break: break-all; font-size: .92rem; }
      .meta { color: #666f7e; font-size: .82rem; }
      .more { text-align: center; margin-top: 20px; }
      .more a { color: #2f6fde; font-size: 1.05rem; }

    """
}
