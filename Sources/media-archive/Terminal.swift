import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One of the process's output streams, and what it can show.
struct Terminal: Sendable {
    let descriptor: Int32

    static let standardOutput = Terminal(descriptor: STDOUT_FILENO)
    static let standardError = Terminal(descriptor: STDERR_FILENO)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    /// Colour only on a terminal that is not "dumb", and never when NO_COLOR is set.
    var usesColour: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isInteractive && environment["TERM"] != "dumb" && environment["NO_COLOR"] == nil
    }

    func write(_ text: String) {
        FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(Data(text.utf8))
    }

    func error(_ message: String) { write("error: \(message)\n") }
    func warning(_ message: String) { write("warning: \(message)\n") }

    /// A "checking 12/40" counter, only when this stream is a terminal (never in logs or pipes).
    func progressReporter(label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isInteractive else { return nil }
        let terminal = self
        return { done, total in
            guard total > 1 else { return }
            terminal.write("\r\(label) \(done)/\(total)…")
        }
    }

    func endProgress(shown: Bool) {
        if shown { write("\r\u{1B}[K") }
    }
}
