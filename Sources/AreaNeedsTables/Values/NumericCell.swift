/// A numeric cell as published: a number, or a missing value that keeps the publisher's
/// marker ("*", "..", "c", "[x]", or "" for an empty cell) as its reason.
///
/// Cells are plain values (no reference counting), as millions pass through a read.
public enum NumericCell: Sendable, Hashable {
    case number(Double)
    case missing(MissingMarker)

    /// The number, or nil when the cell is missing.
    @inlinable
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The marker of a missing cell, or nil when it holds a number.
    public var missingMarker: MissingMarker? {
        if case .missing(let marker) = self { return marker }
        return nil
    }

    /// A missing cell with the marker `text` (at most 8 bytes of UTF-8).
    public static func missing(marker text: String) -> NumericCell {
        .missing(MissingMarker(text)!)
    }
}

/// The text a publisher put in a cell instead of a number: "", "*", "..", "c", "[x]"...
///
/// Kept as up to eight bytes packed into an integer, so cells stay plain values.
public struct MissingMarker: Sendable, Hashable, CustomStringConvertible {
    /// The longest marker, in bytes of UTF-8.
    public static let maximumLength = 8

    @usableFromInline let packed: UInt64
    @usableFromInline let length: UInt8

    /// The marker for `text`, or nil when it is longer than `maximumLength` bytes.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count <= MissingMarker.maximumLength else { return nil }
        self.init(bytes: bytes)
    }

    init<Bytes: Collection<UInt8>>(bytes: Bytes) {
        var packed: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * offset) }
        self.packed = packed
        length = UInt8(bytes.count)
    }

    /// The marker with ASCII letters in lower case, for matching markers in either case;
    /// at most `maximumLength` bytes (the caller checks).
    init(lowercasing bytes: UnsafeRawBufferPointer) {
        var packed: UInt64 = 0
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            packed |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) << (8 * offset)
        }
        self.packed = packed
        length = UInt8(bytes.count)
    }

    /// The marker of an empty cell.
    @usableFromInline static let empty = MissingMarker(bytes: EmptyCollection<UInt8>())

    /// The marker as written.
    public var text: String {
        let bytes = (0..<Int(length)).map { UInt8(truncatingIfNeeded: packed >> (8 * $0)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The marker, or "empty" for an empty cell.
    public var description: String { length == 0 ? "empty" : text }
}
