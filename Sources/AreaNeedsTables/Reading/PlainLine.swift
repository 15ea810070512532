#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line of CSV that needs no parser: no quote, and no carriage return but one just before
/// its line feed. Such a line is a row of fields split at its commas, each trimmed of the
/// spaces and tabs around it, which is exactly what libcsv makes of it; nearly every line
/// of a published extract is one.
///
/// The tokenizer splits these itself, eight bytes at a time, and feeds libcsv the rest
/// (quoted fields, old Mac line ends, a line cut by the end of a read): libcsv's byte by
/// byte state machine was most of the time of reading a plain table. The tests and the
/// fuzzer read every input both ways and expect the same rows and errors.
enum PlainLine {
    /// The line's fields without its line end, when `line` (which ends in a line feed) is
    /// plain; nil when libcsv must read it.
    @inline(__always)
    static func content(of line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        guard let start = line.baseAddress, line.count > 0, line[line.count - 1] == .newline else { return nil }
        var end = line.count - 1
        if end > 0, line[end - 1] == .carriageReturn { end -= 1 }
        guard memchr(start, Int32(UInt8.quote), end) == nil, memchr(start, Int32(UInt8.carriageReturn), end) == nil else {
            return nil
        }
        return UnsafeRawBufferPointer(start: start, count: end)
    }

    /// True when the line holds nothing but spaces and tabs: libcsv makes no row of it.
    @inline(__always)
    static func isBlank(_ content: UnsafeRawBufferPointer) -> Bool {
        for byte in content where !isSpace(byte) { return false }
        return true
    }

    /// Calls `body` with each field of a plain line's content, in order, trimmed.
    @inline(__always)
    static func forEachField(in content: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void) {
        let base = content.baseAddress!
        let count = content.count
        var fieldStart = 0
        var index = 0
        // Commas found a word at a time: a byte of `word ^ commas` is zero where a comma is.
        let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        while index &+ 8 <= count {
            var found = zeroBytes(content.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ commas)
            while found != 0 {
                let comma = index &+ (found.trailingZeroBitCount &>> 3)
                body(trimmed(base, from: fieldStart, to: comma))
                fieldStart = comma &+ 1
                found &= found &- 1
            }
            index &+= 8
        }
        while index < count {
            if content[index] == .comma {
                body(trimmed(base, from: fieldStart, to: index))
                fieldStart = index &+ 1
            }
            index &+= 1
        }
        body(trimmed(base, from: fieldStart, to: count))
    }

    /// 0x80 in each byte of `word` that is zero, 0 in every other: exact, with no carry
    /// from one byte into the next (words are read little-endian, first byte lowest).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    @inline(__always)
    private static func trimmed(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> UnsafeRawBufferPointer {
        var start = start
        var end = end
        while start < end, isSpace(base.load(fromByteOffset: start, as: UInt8.self)) { start &+= 1 }
        while end > start, isSpace(base.load(fromByteOffset: end &- 1, as: UInt8.self)) { end &-= 1 }
        return UnsafeRawBufferPointer(start: base + start, count: end &- start)
    }

    /// libcsv's default space test: a space or a tab.
    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab
    }
}
