import Foundation

/// What a stage's output depends on, reduced to one hash: the tool version, the part of
/// the pipeline file it reads, and the content of its input files. Equal fingerprints
/// mean the stage would produce the same output, so `run` skips it.
public struct Fingerprint: Sendable {
    private var parts: [String] = ["areaneeds " + ToolVersion.current]

    public init() {}

    /// Adds a piece of configuration, encoded canonically (sorted keys).
    public mutating func add(_ label: String, _ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
        parts.append(label + "=" + json)
    }

    /// Adds an input file by content (its path is not part of it, so moving a file does
    /// not force a re-run).
    package mutating func add(_ label: String, file: InputFile) {
        parts.append(label + "@" + file.sha256)
    }

    /// The hash of everything added.
    public var value: String {
        FileHash.sha256(of: parts.joined(separator: "\n"))
    }
}
