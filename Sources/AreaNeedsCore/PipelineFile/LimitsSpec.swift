import AreaNeedsTables
import Foundation

/// Bounds on what one input file may hold (the pipeline file's `limits:`), so that a
/// broken or hostile file stops the run with an error naming the limit instead of
/// exhausting memory or disk. Each takes bytes, or a size such as `8 GiB` or `500 MB`.
public struct LimitsSpec: Codable, Sendable, Equatable {
    /// Most bytes a gzip source may decompress to: the guard against decompression bombs.
    package var maxDecompressedBytes: ByteSize
    /// Largest single field; larger usually means a closing quote is missing.
    package var maxFieldBytes: ByteSize
    /// Largest row.
    package var maxRowBytes: ByteSize
    /// Most bytes a workbook's shared strings may take together (they are held in memory).
    package var maxSharedStringBytes: ByteSize

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxDecompressedBytes = "max-decompressed-bytes"
        case maxFieldBytes = "max-field-bytes"
        case maxRowBytes = "max-row-bytes"
        case maxSharedStringBytes = "max-shared-string-bytes"
    }

    /// The defaults of `ReadLimits`: 8 GiB decompressed, 1 MiB a field, 16 MiB a row,
    /// 256 MiB of shared strings.
    package init(readLimits: ReadLimits = ReadLimits()) {
        maxDecompressedBytes = ByteSize(readLimits.maxDecompressedBytes)
        maxFieldBytes = ByteSize(readLimits.maxFieldBytes)
        maxRowBytes = ByteSize(readLimits.maxRowBytes)
        maxSharedStringBytes = ByteSize(readLimits.maxSharedStringBytes)
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = LimitsSpec()
        maxDecompressedBytes = try container.decodeIfPresent(ByteSize.self, forKey: .maxDecompressedBytes) ?? defaults.maxDecompressedBytes
        maxFieldBytes = try container.decodeIfPresent(ByteSize.self, forKey: .maxFieldBytes) ?? defaults.maxFieldBytes
        maxRowBytes = try container.decodeIfPresent(ByteSize.self, forKey: .maxRowBytes) ?? defaults.maxRowBytes
        maxSharedStringBytes = try container.decodeIfPresent(ByteSize.self, forKey: .maxSharedStringBytes) ?? defaults.maxSharedStringBytes
    }

    /// The limits as the table reader takes them.
    public var readLimits: ReadLimits {
        var limits = ReadLimits()
        limits.maxDecompressedBytes = maxDecompressedBytes.bytes
        limits.maxFieldBytes = maxFieldBytes.bytes
        limits.maxRowBytes = maxRowBytes.bytes
        limits.maxSharedStringBytes = maxSharedStringBytes.bytes
        return limits
    }
}

/// A number of bytes, written in a pipeline file as a whole number or with a unit:
/// `1048576`, `512 KiB`, `8 GiB`, `500 MB` (KB, MB, GB are powers of 1000; KiB, MiB, GiB
/// of 1024).
package struct ByteSize: Codable, Sendable, Equatable, CustomStringConvertible {
    package var bytes: Int

    package init(_ bytes: Int) {
        self.bytes = bytes
    }

    private static let units: [String: Int] = [
        "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30,
    ]

    /// Reads "8 GiB", "500MB" or "1048576"; nil for anything else.
    package init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard let value = Double(number), value > 0, let scale = unit.isEmpty ? 1 : ByteSize.units[unit] else { return nil }
        let bytes = value * Double(scale)
        guard bytes >= 1, bytes < 0x1p62 else { return nil }
        self.bytes = Int(bytes)
    }

    package init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let bytes = try? container.decode(Int.self), bytes > 0 {
            self.bytes = bytes
            return
        }
        guard let text = try? container.decode(String.self), let size = ByteSize(text: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: "expected a size in bytes, such as 1048576, 512 KiB or 8 GiB"))
        }
        self = size
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(bytes)
    }

    /// "8 GiB", "1 MiB", or a plain count of bytes.
    package var description: String {
        for (size, name) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(name)"
        }
        return "\(bytes) bytes"
    }
}
