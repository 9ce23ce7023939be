import Crypto
import NIOCore

/// SHA-256 over bytes as they pass, so a file is hashed in the same read that uploads or
/// downloads it: the archive's content address costs no second pass.
struct SHA256Hashing {
    private var hasher = SHA256()

    mutating func update(_ buffer: ByteBuffer) {
        buffer.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
    }

    /// The lower-case hex digest, the form the archive's keys and catalogue use.
    func finalizeHex() -> String {
        Hex.string(hasher.finalize())
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize()
    }
}
