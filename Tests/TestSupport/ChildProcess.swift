import Foundation

/// Runs a program to completion and collects what it printed, for tests that drive the built
/// binary or an independent checker.
public enum ChildProcess {
    /// The `media-archive` binary SwiftPM built beside the test bundle (a debug build: its
    /// test-only markers work), else the package's debug build.
    public static let builtBinary: URL = {
        let beside = Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("media-archive")
        if let beside, FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/media-archive")
    }()

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                           in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
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
