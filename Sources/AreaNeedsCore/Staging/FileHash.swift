import AreaNeedsTables
import Crypto
import Foundation

/// SHA-256 of files and strings, as lower-case hex.
package enum FileHash {
    /// The SHA-256 of a file's bytes.
    package static func sha256(ofFile path: String) throws(AreaNeedsError) -> String {
        do {
            return try StreamingDigest.sha256(ofFile: path)
        } catch {
            switch error.kind {
            case .fileNotFound: throw AreaNeedsError(.missingInput, "\(path): file not found")
            default: throw AreaNeedsError(.missingInput, "\(path): \(error.problem)")
            }
        }
    }

    /// The SHA-256 of some bytes.
    package static func sha256(of data: some DataProtocol) -> String {
        StreamingDigest.hex(SHA256.hash(data: data))
    }

    /// The SHA-256 of a string's UTF-8.
    package static func sha256(of text: String) -> String {
        sha256(of: Data(text.utf8))
    }
}
