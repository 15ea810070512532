import Crypto
import Foundation

/// SHA-256 of files and strings, as lower-case hex.
public enum FileHash {
    /// The SHA-256 of a file's bytes, read in 1 MiB pieces into one buffer (`FileHandle`
    /// read them 4 KiB at a time, into a new `Data` for each piece).
    public static func sha256(ofFile path: String) throws(AreaNeedsError) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw AreaNeedsError(.missingInput, "\(path): \(exists ? "cannot read the file" : "file not found")")
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let got = read(descriptor, buffer.baseAddress!, buffer.count)
            if got < 0 {
                if errno == EINTR { continue }
                throw AreaNeedsError(.missingInput, "\(path): cannot read the file (\(String(cString: strerror(errno))))")
            }
            if got == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
        }
        return hex(hasher.finalize())
    }

    /// The SHA-256 of some bytes.
    public static func sha256(of data: some DataProtocol) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The SHA-256 of a string's UTF-8.
    public static func sha256(of text: String) -> String {
        sha256(of: Data(text.utf8))
    }

    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
