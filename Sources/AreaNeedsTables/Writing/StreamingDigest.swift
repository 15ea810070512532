import Crypto

/// The SHA-256 and size of bytes as they are written, so a file just written need not be
/// read back to be checksummed (`TableWriter.Output.digest`); and of a file, read in
/// pieces into one buffer.
package final class StreamingDigest: @unchecked Sendable {
    private var hasher = SHA256()
    /// Bytes seen so far.
    package private(set) var bytes = 0

    package init() {}

    /// Adds bytes to the digest.
    package func update(_ data: [UInt8]) {
        data.withUnsafeBytes(update)
    }

    func update(_ buffer: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: buffer)
        bytes += buffer.count
    }

    /// The SHA-256 of everything seen, as lower-case hex.
    package func finish() -> String {
        StreamingDigest.hex(hasher.finalize())
    }

    /// The SHA-256 of a file's bytes, read in 1 MiB pieces into one buffer (`FileHandle`
    /// read them 4 KiB at a time, into a new `Data` for each piece).
    package static func sha256(ofFile path: String) throws(TableError) -> String {
        let file = try FileInput(path: path)
        let digest = StreamingDigest()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = try file.read(into: buffer)
            if got == 0 { break }
            digest.update(UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        }
        return digest.finish()
    }

    /// Bytes as lower-case hex.
    package static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
