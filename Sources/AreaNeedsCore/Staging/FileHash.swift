import Crypto
import Foundation

/// SHA-256 of files and strings, as lower-case hex.
public enum FileHash {
    /// The SHA-256 of a file's bytes, read in 1 MiB pieces.
    public static func sha256(ofFile path: String) throws(AreaNeedsError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw AreaNeedsError(.missingInput, "\(path): \(exists ? "cannot read the file" : "file not found")")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw AreaNeedsError(.missingInput, "\(path): cannot read the file (\(error.localizedDescription))")
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
