import ArgumentParser
import Foundation
import MediaArchive

extension AccessRole: ExpressibleByArgument {}

extension MediaArchiveCommand {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Access tokens for the web app (tokens.json keeps only their SHA-256).",
            subcommands: [Create.self, List.self, Revoke.self]
        )

        /// A token problem is the user's to fix (64); a broken tokens.json is the archive's (2).
        static func fail(_ error: any Error) -> ExitCode {
            Terminal.standardError.error("\(error)")
            if case AccessTokenError.brokenFile = error { return ExitCode(2) }
            return error is AccessTokenError ? ExitCode(64) : ExitCode(2)
        }

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Make a token and print its secret, once.")

            @OptionGroup var options: ArchiveOptions
            @Option(name: .long, help: "clerk (may ingest for every county), archivist (may browse and search) or county (hands in for one county).") var role: AccessRole
            @Option(name: .long, help: "Who holds it, e.g. 南乐县 clerk (default: <role>-<id>).") var name: String?
            @Option(name: .long, help: "For --role county: the county it hands in for (slug, Chinese name or code).") var county: String?

            func run() throws {
                let issued: IssuedToken
                // The slug is stored, whichever way the county was named, so it matches entries.
                let slug = try county.map { try options.loadExistingArchive().county($0).slug }
                do {
                    issued = try options.loadTokens().create(role: role, name: name, county: slug)
                } catch {
                    throw Token.fail(error)
                }
                guard AuditRecording.record(.tokenCreated, token: issued.token, options: options) else { throw ExitCode(2) }
                if options.json {
                    var fields = ["id": issued.token.id, "role": issued.token.role.rawValue,
                                  "name": issued.token.name, "createdAt": issued.token.createdAtText,
                                  "token": issued.secret]
                    fields["county"] = issued.token.county
                    try JSONOutput.print(fields)
                    return
                }
                print("""
                    Created the \(issued.token.role.rawValue) token "\(issued.token.name)" (id \(issued.token.id)):

                        \(issued.secret)

                    This is the only time it is shown; only its hash is kept. Give it to its holder:
                      browser: open /login on the server and paste it
                      API:     curl -H 'Authorization: Bearer \(issued.secret)' http://127.0.0.1:8080/api/search
                    Revoke it with: media-archive token revoke \(issued.token.id)
                    """)
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the tokens (never their secrets).")

            @OptionGroup var options: ArchiveOptions

            func run() throws {
                let tokens: [AccessToken]
                do {
                    tokens = try options.loadTokens().all()
                } catch {
                    throw Token.fail(error)
                }
                if options.json {
                    try JSONOutput.print(tokens.map { token in
                        var fields = ["id": token.id, "role": token.role.rawValue, "name": token.name, "createdAt": token.createdAtText]
                        fields["county"] = token.county
                        return fields
                    })
                    return
                }
                if tokens.isEmpty {
                    print("No tokens yet; make one with: media-archive token create --role archivist --name NAME")
                    return
                }
                let rows = tokens.map { [$0.id, $0.role.rawValue, $0.name, $0.county ?? "-", $0.createdAtText] }
                print(TextTable(header: ["ID", "ROLE", "NAME", "COUNTY", "CREATED"], rows: rows).render())
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a token by its id or name; it stops working at once.")

            @OptionGroup var options: ArchiveOptions
            @Argument(help: "The token's id (from `token list`) or name.") var token: String

            func run() throws {
                let revoked: AccessToken
                do {
                    revoked = try options.loadTokens().revoke(token)
                } catch {
                    throw Token.fail(error)
                }
                guard AuditRecording.record(.tokenRevoked, token: revoked, options: options) else { throw ExitCode(2) }
                if options.json {
                    try JSONOutput.print(["id": revoked.id, "role": revoked.role.rawValue, "name": revoked.name,
                                          "createdAt": revoked.createdAtText])
                    return
                }
                print("Revoked the \(revoked.role.rawValue) token \"\(revoked.name)\" (id \(revoked.id)).")
            }
        }
    }
}
