#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splitting a line of CSV that needs no parser into its fields, in place.
///
/// A plain line is a whole row on one line: valid UTF-8, within the read limits, no
/// carriage return but one just before its line feed, and quotes, if any, only around
/// whole fields with no quote inside (`"Burnley 001A"`, `"1,234"`). Its fields are what
/// libcsv makes of it: split at the commas outside quotes, unquoted ones trimmed of the
/// spaces and tabs around them, quoted ones taken as they are between their quotes. Nearly
/// every line of a published extract is plain.
///
/// The tokenizer splits plain lines itself, eight bytes at a time and copying nothing,
/// and feeds libcsv the rest (quotes inside fields, line breaks inside quotes, old Mac line
/// ends, a line cut by the end of a read, and every line with a problem, which libcsv then
/// reports): its byte by byte state machine was most of the time of reading a table. The
/// tests and the fuzzer read every input both ways and expect the same rows and errors.
enum PlainLine {
    /// What splitting a line did.
    enum Outcome {
        /// The line is a row; its fields are in the storage.
        case row
        /// The line holds only spaces and tabs: libcsv makes no row of it.
        case blank
        /// The line is not plain; the storage is as it was, and libcsv must read it.
        case notPlain
    }

    /// Splits `line`, which must be fed between rows, into `fields`.
    @inline(__always)
    static func split(_ line: UnsafeRawBufferPointer, into fields: UnsafeMutablePointer<FieldStorage>) -> Outcome {
        guard let base = line.baseAddress, line.count > 0, line[line.count &- 1] == .newline else { return .notPlain }
        var end = line.count &- 1
        if end > 0, line[end &- 1] == .carriageReturn { end &-= 1 }
        let content = UnsafeRawBufferPointer(start: base, count: end)
        // Within the limits as a whole, no field or row of it can pass them.
        guard end <= fields.pointee.maxFieldBytes, end <= fields.pointee.maxRowBytes,
              memchr(base, Int32(UInt8.carriageReturn), end) == nil,
              isASCII(content) || firstInvalidUTF8Offset(content) == nil else { return .notPlain }
        if isBlank(content) { return .blank }
        var found = fields.pointee.beginRow(inLine: content)
        let didSplit = memchr(base, Int32(UInt8.quote), end) == nil
            ? splitUnquoted(content, into: &found, only: fields.pointee.splitLimit, expecting: fields.pointee.expectedCounts)
            : splitQuoted(content, into: &found)
        guard didSplit else { return .notPlain }
        fields.pointee.endRow(found)
        return .row
    }

    /// True when the line holds nothing but spaces and tabs.
    @inline(__always)
    private static func isBlank(_ content: UnsafeRawBufferPointer) -> Bool {
        for byte in content where !isSpace(byte) { return false }
        return true
    }

    /// Splits a line with no quote at every comma; false when it has more fields than the
    /// limit allows. Once `wanted` fields are split, the rest are counted and left unsplit
    /// when the row then has `expected` fields and some of those split are not empty; other
    /// rows are split whole, for the checks and messages that read all their fields.
    @inline(__always)
    private static func splitUnquoted(_ content: UnsafeRawBufferPointer, into fields: inout LineFields,
                                      only wanted: Int, expecting expected: ClosedRange<Int>) -> Bool {
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
                guard appendTrimmed(base, from: fieldStart, to: comma, into: &fields) else { return false }
                fieldStart = comma &+ 1
                found &= found &- 1
                if _slowPath(fields.count == wanted),
                   countRest(content, from: fieldStart, after: found, wordAt: index, into: &fields, expecting: expected) {
                    return true
                }
            }
            index &+= 8
        }
        while index < count {
            if content[index] == .comma {
                guard appendTrimmed(base, from: fieldStart, to: index, into: &fields) else { return false }
                fieldStart = index &+ 1
            }
            index &+= 1
        }
        return appendTrimmed(base, from: fieldStart, to: count, into: &fields)
    }

    /// Splits a line with quotes, field by field; false when a quote is anywhere but around
    /// a whole field, a quoted field holds a quote or does not end on the line, or the line
    /// has more fields than the limit allows.
    private static func splitQuoted(_ content: UnsafeRawBufferPointer, into fields: inout LineFields) -> Bool {
        let base = content.baseAddress!
        let count = content.count
        var position = 0
        while true {
            // Spaces and tabs before a field are never part of it.
            while position < count, isSpace(content[position]) { position &+= 1 }
            let fieldEnd: Int
            if position < count, content[position] == .quote {
                let opening = position &+ 1
                guard let closing = memchr(base + opening, Int32(UInt8.quote), count &- opening) else { return false }
                let quote = base.distance(to: UnsafeRawPointer(closing))
                guard fields.append(from: opening, to: quote) else { return false }
                position = quote &+ 1
                // After the closing quote: spaces, then a comma or the line's end.
                while position < count, isSpace(content[position]) { position &+= 1 }
                guard position == count || content[position] == .comma else { return false }
                fieldEnd = position
            } else {
                let rest = UnsafeRawBufferPointer(rebasing: content[position...])
                let comma = memchr(rest.baseAddress!, Int32(UInt8.comma), rest.count)
                fieldEnd = comma.map { base.distance(to: UnsafeRawPointer($0)) } ?? count
                guard memchr(base + position, Int32(UInt8.quote), fieldEnd &- position) == nil,
                      appendTrimmed(base, from: position, to: fieldEnd, into: &fields) else { return false }
            }
            if fieldEnd == count { return true }
            position = fieldEnd &+ 1
        }
    }

    /// Counts the fields of the rest of the line, from `start`, without splitting them, and
    /// makes them the row's when the row then has an `expected` number of fields and some
    /// field split is not empty (a row of empty fields is a blank row); false, changing
    /// nothing, otherwise. `found` holds the commas of the word at `wordAt` not yet taken.
    /// A record asked for one of these fields finds it then (`FieldView.unsplitField`).
    ///
    /// Never inlined: in the splitting loop, it left too few registers for the loop's own
    /// work, which then cost twice as much for every line.
    @inline(never)
    private static func countRest(_ content: UnsafeRawBufferPointer, from start: Int, after found: UInt64, wordAt word: Int,
                                  into fields: inout LineFields, expecting expected: ClosedRange<Int>) -> Bool {
        guard fields.byteCount > 0 else { return false }
        let commas: UInt64 = 0x2C2C_2C2C_2C2C_2C2C
        // The field from `start` on, and one more after each comma left.
        var total = fields.count &+ 1 &+ markedBytes(found)
        var index = word &+ 8
        while index &+ 8 <= content.count {
            total &+= markedBytes(zeroBytes(content.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ commas))
            index &+= 8
        }
        while index < content.count {
            if content[index] == .comma { total &+= 1 }
            index &+= 1
        }
        guard expected.contains(total), total <= fields.capacity else { return false }
        fields.splitCount = fields.count
        fields.count = total
        fields.restStart = start
        fields.lineLength = content.count
        return true
    }

    /// How many bytes of a `zeroBytes` result are marked: each 0x80 shifted down to 1 and
    /// summed into the top byte by one multiplication (without the POPCNT instruction, which
    /// the baseline x86-64 target lacks, `nonzeroBitCount` is a dozen instructions).
    @inline(__always)
    private static func markedBytes(_ marks: UInt64) -> Int {
        Int(truncatingIfNeeded: ((marks &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
    }

    /// 0x80 in each byte of `word` that is zero, 0 in every other: exact, with no carry
    /// from one byte into the next (words are read little-endian, first byte lowest).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// Adds the field from `start` to `end`, trimmed of spaces and tabs at both ends.
    @inline(__always)
    private static func appendTrimmed(_ base: UnsafeRawPointer, from start: Int, to end: Int, into fields: inout LineFields) -> Bool {
        var start = start
        var end = end
        while start < end, isSpace(base.load(fromByteOffset: start, as: UInt8.self)) { start &+= 1 }
        while end > start, isSpace(base.load(fromByteOffset: end &- 1, as: UInt8.self)) { end &-= 1 }
        return fields.append(from: start, to: end)
    }

    /// libcsv's default space test: a space or a tab.
    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab
    }
}

/// The fields of a line being split, in locals: kept in registers while the line is split,
/// then stored in the `FieldStorage` once (`FieldStorage.endRow`).
struct LineFields {
    /// The line the fields lie in.
    let line: UnsafeRawPointer
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    /// The most fields the line may have: the storage holds this many.
    let capacity: Int
    var count = 0
    /// How many of `count` are split; the rest were only counted (`PlainLine.countRest`),
    /// and lie from `restStart` to `lineLength`.
    var splitCount = 0
    var restStart = 0
    var lineLength = 0
    var byteCount = 0

    /// Adds the field from `start` to `end` of the line; false when the line has more fields
    /// than `capacity`.
    @inline(__always)
    mutating func append(from start: Int, to end: Int) -> Bool {
        guard count < capacity else { return false }
        starts[count] = start
        ends[count] = end
        byteCount &+= end &- start
        count &+= 1
        splitCount = count
        return true
    }
}
