import Crypto

/// The SHA-256 and size of bytes seen as they are written, so a file just written need
/// not be read back to be checksummed (`TableWriter.Output.observer`).
public final class StreamingDigest: @unchecked Sendable {
    private var hasher = SHA256()
    /// Bytes seen so far.
    public private(set) var bytes = 0

    public init() {}

    public func update(_ buffer: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: buffer)
        bytes += buffer.count
    }

    /// The SHA-256 of everything seen, as lower-case hex.
    public func finish() -> String {
        FileHash.hex(hasher.finalize())
    }
}
