import Foundation
import TestSupport

/// Runs the built `media-archive` binary the way a user or script does.
struct CommandRunner {
    typealias Output = ChildProcess.Output

    static let binary = ChildProcess.builtBinary

    static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    in directory: URL? = nil) throws -> Output {
        var environment = ProcessInfo.processInfo.environment
        environment["MEDIA_ARCHIVE"] = nil
        // Output is in the reader's language: English unless a test asks, whatever the shell says.
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[variable] = nil }
        environment.merge(extra) { $1 }
        return try ChildProcess.run(binary, arguments, environment: environment, in: directory)
    }
}
