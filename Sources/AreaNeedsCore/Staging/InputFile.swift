import AreaNeedsTables
import Foundation

/// An input file as a stage saw it: its path, size, modification time and content hash.
package struct InputFile: Codable, Sendable, Equatable {
    package var path: String
    package var bytes: Int
    /// Modification time in nanoseconds since 1970, used only to skip re-hashing.
    package var modified: Int64
    package var sha256: String

    /// Describes the file at `path`, re-using `known`'s hash when the size and
    /// modification time are unchanged (as `make` and git do) and hashing it otherwise.
    package static func describe(_ path: String, known: [InputFile] = []) throws(AreaNeedsError) -> InputFile {
        let (bytes, modified) = try sizeAndTime(of: path)
        if let previous = known.first(where: { $0.path == path }), previous.bytes == bytes, previous.modified == modified {
            return previous
        }
        if let previous = described.file(path), previous.bytes == bytes, previous.modified == modified {
            return previous
        }
        let file = InputFile(path: path, bytes: bytes, modified: modified, sha256: try FileHash.sha256(ofFile: path))
        described.add(file)
        return file
    }

    /// Describes a file this process has just written, checksummed as it was written
    /// (`digest` saw every byte), whatever is known: a stage's output, which the next
    /// stage then describes without reading it again. It is not read back either.
    package static func describeWritten(_ path: String, digest: StreamingDigest) throws(AreaNeedsError) -> InputFile {
        let (bytes, modified) = try sizeAndTime(of: path)
        let file = InputFile(path: path, bytes: bytes, modified: modified, sha256: digest.finish())
        described.add(file)
        return file
    }

    /// The size and modification time (nanoseconds since 1970) of the file at `path`.
    private static func sizeAndTime(of path: String) throws(AreaNeedsError) -> (bytes: Int, modified: Int64) {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw AreaNeedsError(.missingInput, "\(path): file not found")
        }
        if attributes[.type] as? FileAttributeType == .typeDirectory {
            throw AreaNeedsError(.missingInput, "\(path): is a folder, not a file")
        }
        let bytes = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let date = attributes[.modificationDate] as? Date ?? .distantPast
        // Nanoseconds, held within Int64 (1677 to 2262): a date beyond it is kept as the bound.
        let nanoseconds = (date.timeIntervalSince1970 * 1e9).rounded()
        return (bytes, Int64(exactly: nanoseconds) ?? (nanoseconds < 0 ? .min : .max))
    }

    /// The files described in this process, by the same rule: a stage's output, described
    /// when it is written (`describeWritten`), is not read again when the next stage
    /// describes it as an input (`run` does every stage in one process). Hashing every
    /// staging table twice was a tenth of a national run's instructions.
    private static let described = DescribedFiles()
}

/// Files already described, by path, shared by the stages' threads.
private final class DescribedFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: InputFile] = [:]

    func file(_ path: String) -> InputFile? {
        lock.withLock { files[path] }
    }

    func add(_ file: InputFile) {
        lock.withLock { files[file.path] = file }
    }
}
