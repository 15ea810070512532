/// A column of a staged table (`StagedTableWriter`, `StagedTableReader`): its name and
/// the kind of value every row holds in it.
package struct StagedColumn: Sendable, Equatable {
    @frozen package enum Kind: UInt8, Sendable {
        /// UTF-8 text, possibly empty.
        case text = 1
        /// A finite `Double`, or missing.
        case number = 2
        /// A whole number from 0 up, such as a line number or a count.
        case count = 3
    }

    package let name: String
    package let kind: Kind

    package init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

/// The layout of a staged table file, version 1. All integers are little-endian.
///
///     "ANSTAGE1"                          8 bytes: what the file is, and its layout
///     column count                        4 bytes
///     each column: kind, name             1 byte (StagedColumn.Kind), then text
///     each row: 0x01, then its fields     in column order
///     0x00, row count                     the end: 8 bytes of count
///
/// A text is its byte length (unsigned LEB128) and its UTF-8 bytes; a number is 0x00 when
/// missing, 0x02 and an unsigned LEB128 when it is a whole number from 0 to 2^53 (most
/// figures are counts: one to three bytes in place of eight), or else 0x01 and the eight
/// bytes of the `Double`; a count is unsigned LEB128. The end marker with the row count
/// tells a complete file from a cut-off one.
@usableFromInline
enum StagedTableLayout {
    static let magic = Array(StagedTableWriter.layout.utf8)
    static let rowMarker: UInt8 = 0x01
    static let endMarker: UInt8 = 0x00
    // Constants the inlined writer uses, as inlinable properties rather than lazily made
    // globals, so that they cost nothing where they are used.
    @inlinable static var missingNumber: UInt8 { 0x00 }
    @inlinable static var presentNumber: UInt8 { 0x01 }
    @inlinable static var wholeNumber: UInt8 { 0x02 }
    /// Whole numbers up to this are written as `wholeNumber`: every one is exact as a `Double`.
    @inlinable static var largestWholeNumber: Double { 9_007_199_254_740_992 }  // 2^53
    /// An unsigned LEB128 of a 64-bit value takes at most this many bytes.
    @inlinable static var maxVarintBytes: Int { 10 }
}
