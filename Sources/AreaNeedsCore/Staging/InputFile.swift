import Foundation

/// An input file as a stage saw it: its path, size, modification time and content hash.
public struct InputFile: Codable, Sendable, Equatable {
    public var path: String
    public var bytes: Int
    /// Modification time in nanoseconds since 1970, used only to skip re-hashing.
    public var modified: Int64
    public var sha256: String

    /// Describes the file at `path`, re-using `known`'s hash when the size and
    /// modification time are unchanged (as `make` and git do) and hashing it otherwise.
    public static func describe(_ path: String, known: [InputFile] = []) throws(AreaNeedsError) -> InputFile {
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
        let modified = Int64((date.timeIntervalSince1970 * 1e9).rounded())
        if let previous = known.first(where: { $0.path == path }), previous.bytes == bytes, previous.modified == modified {
            return previous
        }
        return InputFile(path: path, bytes: bytes, modified: modified, sha256: try FileHash.sha256(ofFile: path))
    }
}
