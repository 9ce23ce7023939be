import Foundation
import Hummingbird
import MediaArchive

/// The county and round a hand-in request acts on, worked out once for every hand-in route:
/// a county token acts for its own county (a `county=` naming another is a 403), a clerk must
/// name one; `round=` picks the round, else the current one.
struct HandInScope: Sendable {
    let settings: ArchiveSettings

    func county(for token: AccessToken, _ request: Request) throws -> County {
        let asked = request.uri.queryParameters.get("county").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        if token.role == .county, let own = token.county {
            let county = try resolve(own)
            if let asked, (try? settings.counties.resolve(asked))?.slug != own {
                throw AccessDenied(status: .forbidden, sentence: .otherCounty(tokenCounty: own, asked: asked))
            }
            return county
        }
        return try resolve(asked ?? "")
    }

    /// The counties `county=` (repeatable) names, or every county when none; a county token
    /// sees its own only.
    func counties(_ request: Request, visibleTo visibility: Visibility) throws -> [County] {
        let asked = try request.uri.queryParameters.getAll("county").filter { !$0.isEmpty }.map { try resolve(String($0)) }
        return try visibility.narrow(asked, registry: settings.counties)
    }

    /// `round=` or the current round on today's date in the policy's zone.
    func round(_ request: Request) throws -> Round {
        let id = request.uri.queryParameters.get("round").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        do {
            return try settings.round(id)
        } catch let error as ArchiveError {
            throw ServerError(status: .badRequest, sentence: .archiveProblem(error))
        }
    }

    func part(_ request: Request) throws -> Part? {
        guard let text = request.uri.queryParameters.get("part"), !text.isEmpty else { return nil }
        guard let part = Part(rawValue: String(text)) else {
            throw ServerError.badRequest("part must be one of \(Part.allCases.map(\.rawValue).joined(separator: ", ")) (got \"\(text)\")")
        }
        return part
    }

    /// Slug, Chinese name or code; anything else is a 400 that lists the known counties.
    func resolve(_ text: String) throws -> County {
        do {
            return try settings.counties.resolve(text)
        } catch let error as ArchiveError {
            throw ServerError(status: .badRequest, sentence: .archiveProblem(error))
        }
    }

    /// A county may change its forms until the registration deadline, or after it once a clerk
    /// reopened them; a clerk always may. 409 otherwise.
    func requireFormsOpen(for token: AccessToken, county: County, round: Round, marks: CountyMarks) throws {
        guard token.role == .county else { return }
        let deadline = round.due(.keyProjects)
        if settings.day() > deadline && !marks.formsReopened(round: round.id) {
            throw ServerError(status: .conflict, sentence: .formsLocked(deadline: deadline))
        }
    }
}
