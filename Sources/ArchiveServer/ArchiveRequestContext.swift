import Hummingbird
import NIOCore

/// The request context of the whole app: Hummingbird's basic one plus the peer's address, which
/// the login throttle counts failures by.
public struct ArchiveRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The address as text ("127.0.0.1", "::1"); "unknown" when the channel has none (tests).
    var peer: String { remoteAddress?.ipAddress ?? "unknown" }
}
