import Foundation
import TestSupport

/// Runs the built `media-archive` binary the way a user or script does.
struct CommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary SwiftPM built beside the test bundle.
    static let binary: URL = {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("media-archive")
        if let beside, FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/media-archive")
    }()

    static func run(_ arguments: [String], environment extra: [String: String] = [:],
                    in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["MEDIA_ARCHIVE"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and stall the child.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
