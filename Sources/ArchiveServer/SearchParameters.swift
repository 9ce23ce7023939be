import Foundation
import Hummingbird
import MediaArchive

/// The search filters of a query string
/// (`county=&from=&to=&kind=&verdict=&camera=&text=&round=&part=`),
/// read one way for the search API and the gallery's search page. `county` may repeat and
/// takes the slug, the Chinese name or the code; empty values mean "any".
enum SearchParameters {
    static func query(_ parameters: Parameters, settings: ArchiveSettings) throws(BadSearchParameter) -> CatalogQuery {
        func single(_ name: String) -> String? {
            parameters.get(name).flatMap { $0.isEmpty ? nil : String($0) }
        }
        var query = CatalogQuery()
        for text in parameters.getAll("county") where !text.isEmpty {
            do {
                query.counties.append(try settings.counties.resolve(String(text)))
            } catch {
                let known = settings.counties.counties.map(\.name).joined(separator: "、")
                throw BadSearchParameter(message: "\(error)", chinese: "没有名为“\(text)”的区县；可选：\(known)。")
            }
        }
        query.from = try day(single("from"), name: "from", label: "起始日期")
        query.to = try day(single("to"), name: "to", label: "截止日期")
        if let kind = single("kind") {
            guard let value = MediaKind(rawValue: kind) else {
                throw BadSearchParameter(
                    message: "kind must be one of \(MediaKind.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(kind)\")",
                    chinese: "类型“\(kind)”无效；可选：\(MediaKind.allCases.map(\.rawValue).joined(separator: "、"))。")
            }
            query.kind = value
        }
        if let verdict = single("verdict") {
            guard let value = Verdict(rawValue: verdict) else {
                throw BadSearchParameter(message: "verdict must be pass or fail (got \"\(verdict)\")",
                                         chinese: "结论“\(verdict)”无效；只能是 pass（合格）或 fail（不合格）。")
            }
            query.verdict = value
        }
        query.camera = single("camera")
        query.text = single("text")
        if let round = single("round") {
            // Only a round the archive knows: a mistyped year would otherwise find nothing, silently.
            guard settings.rounds.round(id: round) != nil else {
                let known = settings.rounds.rounds.map(\.id)
                throw BadSearchParameter(message: "round must be one of \(known.joined(separator: ", ")) (got \"\(round)\")",
                                         chinese: "轮次“\(round)”不存在；可选：\(known.joined(separator: "、"))。")
            }
            query.round = round
        }
        if let part = single("part") {
            guard let value = Part(rawValue: part) else {
                let known = Part.allCases.map(\.rawValue)
                throw BadSearchParameter(message: "part must be one of \(known.joined(separator: ", ")) (got \"\(part)\")",
                                         chinese: "材料类别“\(part)”无效；可选：\(known.joined(separator: "、"))。")
            }
            query.part = value
        }
        return query
    }

    private static func day(_ text: String?, name: String, label: String) throws(BadSearchParameter) -> CalendarDay? {
        guard let text else { return nil }
        guard let day = CalendarDay(parsing: text) else {
            throw BadSearchParameter(
                message: Wording(.en).badDate(flag: name, given: text),
                chinese: "\(label)“\(text)”无效，请按“年-月-日”填写，例如 2021-05-22。")
        }
        return day
    }
}

/// A search filter that cannot be understood: a 400 whose message the API sends in English
/// (as `search` prints it) unless asked for Chinese, and the gallery's pages show in theirs.
struct BadSearchParameter: Error, HTTPResponseError {
    var message: String
    var chinese: String

    func text(in language: Language) -> String {
        switch language {
        case .zh: chinese
        case .en: message
        }
    }

    var status: HTTPResponse.Status { .badRequest }
    var headers: HTTPFields { [:] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        try HTTPError(status, message: text(in: PageLanguage.ofAPI(request))).response(from: request, context: context)
    }
}
