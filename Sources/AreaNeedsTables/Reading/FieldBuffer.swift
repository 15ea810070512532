/// The fields of the row being parsed, in one reused allocation or in the line itself.
///
/// This is the innermost loop of every read. So the state lives behind a plain pointer
/// (`FieldStorage`), where libcsv's callback and the plain line splitter can append
/// without reference counting or run-time exclusivity checks, which otherwise cost more
/// than the parse itself. Rows are handed out as views, so reading a file allocates per
/// row only what the caller asks for.
final class FieldBuffer {
    let storage: UnsafeMutablePointer<FieldStorage>

    init(limits: ReadLimits = ReadLimits()) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: FieldStorage(limits: limits))
    }

    deinit {
        storage.pointee.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    var count: Int { storage.pointee.count }

    /// The current row as a view that stays valid until the buffer changes.
    var view: FieldView { storage.pointee.view }

    func append(_ field: UnsafeRawBufferPointer) {
        storage.pointee.append(field)
    }

    func removeAll() { storage.pointee.removeAll() }

    /// How many fields hold at least one byte.
    var nonEmptyCount: Int { view.nonEmptyCount }

    func string(_ index: Int) -> String { view.string(index) }

    func strings() -> [String] { (0..<count).map(string) }
}

/// What the field callback writes to: plain values behind a pointer.
///
/// A row's fields are either copied here one by one (libcsv hands each over in a buffer of
/// its own) or, for a plain line (`PlainLine`), found where they are in the line being
/// read, which stays in place while the row is handed out: no byte of them is copied.
struct FieldStorage {
    /// The copied fields, end to end.
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var capacity: Int
    /// The line the current row's fields lie in, when it was split in place; nil when they
    /// were copied into `bytes`.
    var line: UnsafePointer<UInt8>?
    /// Field `i` is the bytes from `starts[i]` to `ends[i]` of `bytes` or `line`.
    var starts: UnsafeMutablePointer<Int>
    var ends: UnsafeMutablePointer<Int>
    var count = 0
    /// How many of the `count` fields were split: fewer when the row's later fields were
    /// only counted (`splitLimit`).
    var splitCount = 0
    var endsCapacity: Int
    /// How many leading fields of a plain line are split when the line has one of the
    /// `expectedCounts`: its later fields are only counted (`TableReader.readFields(upTo:)`).
    var splitLimit = Int.max
    /// The field counts of a row whose later fields may be counted only: those the header
    /// allows without a problem to report.
    var expectedCounts = 0...Int.max
    let maxFieldsPerRow: Int
    let maxFieldBytes: Int
    let maxRowBytes: Int

    init(limits: ReadLimits) {
        capacity = 1 << 12
        bytes = .allocate(capacity: capacity)
        endsCapacity = 64
        starts = .allocate(capacity: endsCapacity)
        ends = .allocate(capacity: endsCapacity)
        maxFieldsPerRow = limits.maxFieldsPerRow
        maxFieldBytes = limits.maxFieldBytes
        maxRowBytes = limits.maxRowBytes
    }

    func deallocate() {
        bytes.deallocate()
        starts.deallocate()
        ends.deallocate()
    }

    var view: FieldView {
        FieldView(bytes: line ?? UnsafePointer(bytes), starts: starts, ends: ends, count: count, splitCount: line == nil ? count : splitCount,
                  byteCount: byteCount)
    }

    /// True when one more field of `length` bytes stays within the limits.
    @inline(__always)
    func accepts(length: Int) -> Bool {
        count < maxFieldsPerRow && length <= maxFieldBytes && byteCount + length <= maxRowBytes
    }

    /// Appends a copy of a field (the caller has checked `accepts(length:)`).
    @inline(__always)
    mutating func append(_ field: UnsafeRawBufferPointer) {
        let length = field.count
        if _slowPath(byteCount &+ length > capacity) { growBytes(toFit: byteCount &+ length) }
        if _slowPath(count == endsCapacity) { growEnds() }
        if length > 0 {
            let source = field.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self)
            let target = bytes + byteCount
            if length <= 16 {
                // Most fields are a few bytes: a loop beats a call to memcpy.
                for index in 0..<length { target[index] = source[index] }
            } else {
                target.update(from: source, count: length)
            }
        }
        starts[count] = byteCount
        byteCount &+= length
        ends[count] = byteCount
        count &+= 1
    }

    /// Room for the fields of a row that lies in `line`: as many as it can have (a field
    /// per byte and one more) up to the limit. Once found, they are stored with `endRow`.
    @inline(__always)
    mutating func beginRow(inLine line: UnsafeRawBufferPointer) -> LineFields {
        let most = Swift.min(line.count &+ 1, maxFieldsPerRow)
        while endsCapacity < most { growEnds() }
        return LineFields(line: line.baseAddress!, starts: starts, ends: ends, capacity: most)
    }

    /// Makes the fields of a line, found after `beginRow`, the current row.
    @inline(__always)
    mutating func endRow(_ found: LineFields) {
        line = found.line.assumingMemoryBound(to: UInt8.self)
        count = found.count
        splitCount = found.splitCount
        byteCount = found.byteCount
    }

    mutating func removeAll() {
        byteCount = 0
        count = 0
        line = nil
    }

    private mutating func growBytes(toFit needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        capacity = newCapacity
    }

    private mutating func growEnds() {
        let grownStarts = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
        grownStarts.update(from: starts, count: count)
        starts.deallocate()
        starts = grownStarts
        let grownEnds = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
        grownEnds.update(from: ends, count: count)
        ends.deallocate()
        ends = grownEnds
        endsCapacity *= 2
    }
}

/// A read-only view of one row's fields.
@usableFromInline
struct FieldView {
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let starts: UnsafePointer<Int>
    @usableFromInline let ends: UnsafePointer<Int>
    @usableFromInline let count: Int
    /// How many of the fields were split; the rest were only counted.
    @usableFromInline let splitCount: Int
    /// The bytes of every field split together.
    let byteCount: Int

    init(bytes: UnsafePointer<UInt8>, starts: UnsafePointer<Int>, ends: UnsafePointer<Int>, count: Int, splitCount: Int, byteCount: Int) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.count = count
        self.splitCount = splitCount
        self.byteCount = byteCount
    }

    /// The bytes of field `index`; empty past the last field.
    @inlinable @inline(__always)
    func field(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < splitCount else {
            precondition(index >= count, "field \(index + 1) of a row was counted, not split: TableReader.readFields(upTo:) said no column after field \(splitCount) is read")
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let start = starts[index]
        return UnsafeRawBufferPointer(start: bytes + start, count: ends[index] &- start)
    }

    func string(_ index: Int) -> String {
        let bytes = field(index)
        // Decoding no bytes is not free: empty fields are common.
        return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
    }

    /// How many of the split fields hold at least one byte. Only a row of the header's
    /// width can have fields counted and not split, and such a row is never a note, which
    /// is what this is asked for.
    var nonEmptyCount: Int { (0..<splitCount).count { !field($0).isEmpty } }
}
