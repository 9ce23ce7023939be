import Foundation

/// Converts the old binary formats (.doc, .xls, .wps, .et) to DOCX/XLSX with LibreOffice:
/// `soffice --headless --convert-to docx|xlsx --outdir TMP`, under coreutils `timeout` (which
/// kills soffice and everything it started), with a profile of its own in a temporary folder so
/// it neither waits for nor disturbs a LibreOffice the user has open. Everything temporary is
/// removed on every path.
public struct LibreOfficeConverter: Sendable {
    public var executable: URL
    public var timeoutSeconds: Int

    /// soffice from PATH or Debian's place, or nil when LibreOffice is not installed.
    public static func installed(timeoutSeconds: Int = 120) -> LibreOfficeConverter? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = path.split(separator: ":").map { "\($0)/soffice" } + ["/usr/lib/libreoffice/program/soffice"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        return LibreOfficeConverter(executable: URL(fileURLWithPath: found), timeoutSeconds: timeoutSeconds)
    }

    public init(executable: URL, timeoutSeconds: Int = 120) {
        self.executable = executable
        self.timeoutSeconds = timeoutSeconds
    }

    public enum Failure: Error, Sendable, Equatable {
        case timedOut(seconds: Int)
        case failed(String)
    }

    /// Converts `file` to `format` ("docx" or "xlsx") and hands the converted file to `body`
    /// while it exists; it is deleted afterwards.
    public func withConverted<T>(_ file: URL, to format: String, _ body: (URL) throws -> T) throws -> T {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("media-archive-soffice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("out"), profile = work.appendingPathComponent("profile")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // A plain ASCII name: soffice mis-handles some names (leading dashes, odd characters).
        let input = work.appendingPathComponent("form.\(file.pathExtension.lowercased())")
        try FileManager.default.copyItem(at: file, to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", "\(timeoutSeconds)", executable.path,
                             "-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                             "--nolockcheck", "--convert-to", format, "--outdir", output.path, input.path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = work.path   // soffice writes caches under HOME too
        process.environment = environment
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let said = log.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 124 || process.terminationStatus == 137 { throw Failure.timedOut(seconds: timeoutSeconds) }
        let converted = output.appendingPathComponent("form.\(format)")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: converted.path) else {
            let text = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure.failed(text.isEmpty ? "LibreOffice exited with status \(process.terminationStatus)" : text)
        }
        return try body(converted)
    }
}
