import ArchiveServer
import ArgumentParser
import MediaArchive

extension MediaArchiveCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The web app: the self-check page (/check) and the search API (/api/search).",
            discussion: "Binds 127.0.0.1 by default. /api/search needs an access token (`token create`) unless policy.json sets publicBrowse; /check needs none."
        )

        @OptionGroup var options: ArchiveOptions

        @Option(name: .long, help: "The address to listen on.") var host = "127.0.0.1"
        @Option(name: .long, help: "The port to listen on.") var port = 8080

        func validate() throws {
            if !(1...65535).contains(port) { throw ValidationError("--port takes a number from 1 to 65535 (got \(port))") }
        }

        func run() async throws {
            let settings = try options.loadSettings()
            try await ArchiveServerApp.run(settings: settings, address: ServerAddress(host: host, port: port))
        }
    }
}
