#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A TCP proxy on 127.0.0.1 in front of the real store that breaks the connection the way a
/// flaky network or a gateway timing out does: once `cutAfter(bytes:)` is armed, the next
/// connection's reply is cut after that many bytes (headers included) — `beforeCut` runs first,
/// so a test can change the object between the cut and the client's resume. Every other
/// connection is passed through untouched. Plain sockets and one thread per connection: it
/// must not share the event loop of the client it is testing.
final class CuttingProxy: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let upstreamHost: String
    private let upstreamPort: Int
    private let lock = NSLock()
    private var armedCut: Int?
    private var beforeCut: (@Sendable () -> Void)?
    private var cutsLeft = 0
    private var cutsMade = 0
    private var connections = 0

    init(upstreamHost: String, upstreamPort: Int) throws {
        self.upstreamHost = upstreamHost
        self.upstreamPort = upstreamPort
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = Self.loopback(port: 0)
        var one: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw ProxyError(reason: "cannot listen on 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    struct ProxyError: Error { var reason: String }

    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Cuts the reply of each of the next `times` connections after `bytes` bytes.
    func cutAfter(bytes: Int, times: Int = 1, beforeCut: (@Sendable () -> Void)? = nil) {
        lock.withLock {
            armedCut = bytes
            cutsLeft = times
            self.beforeCut = beforeCut
        }
    }

    var cuts: Int { lock.withLock { cutsMade } }
    var connectionCount: Int { lock.withLock { connections } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let (cut, hook) = lock.withLock { () -> (Int?, (@Sendable () -> Void)?) in
                connections += 1
                guard cutsLeft > 0 else { return (nil, nil) }
                cutsLeft -= 1
                return (armedCut, beforeCut)
            }
            Thread.detachNewThread { [self] in pump(client, cutAfter: cut, beforeCut: hook) }
        }
    }

    /// Copies bytes both ways until either side closes, or the reply reaches the cut.
    private func pump(_ client: Int32, cutAfter cut: Int?, beforeCut: (@Sendable () -> Void)?) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer {
            close(upstream)
            close(client)
        }
        var address = Self.loopback(port: upstreamPort)
        inet_pton(AF_INET, upstreamHost == "localhost" ? "127.0.0.1" : upstreamHost, &address.sin_addr)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return }
        var replyBytes = 0
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: upstream, events: Int16(POLLIN), revents: 0)]
        while poll(&fds, 2, 30_000) > 0 {
            for index in 0..<2 where fds[index].revents != 0 {
                let from = fds[index].fd
                let to = index == 0 ? upstream : client
                var limit = buffer.count
                if index == 1, let cut {
                    limit = min(limit, cut - replyBytes)
                }
                let count = buffer.withUnsafeMutableBytes { read(from, $0.baseAddress, limit) }
                guard count > 0 else { return }
                guard Self.writeAll(to, buffer, count) else { return }
                if index == 1, let cut {
                    replyBytes += count
                    if replyBytes >= cut {
                        beforeCut?()
                        lock.withLock { cutsMade += 1 }
                        return
                    }
                }
            }
        }
    }

    private static func writeAll(_ fd: Int32, _ buffer: [UInt8], _ count: Int) -> Bool {
        var sent = 0
        while sent < count {
            let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + sent, count - sent) }
            guard written > 0 else { return false }
            sent += written
        }
        return true
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
