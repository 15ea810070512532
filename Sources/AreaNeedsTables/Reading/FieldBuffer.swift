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
    var view: FieldView { FieldView(storage) }

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
@usableFromInline
struct FieldStorage {
    /// The copied fields, end to end.
    @usableFromInline var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var capacity: Int
    /// The line the current row's fields lie in, when it was split in place; nil when they
    /// were copied into `bytes`.
    @usableFromInline var line: UnsafePointer<UInt8>?
    /// Field `i` is the bytes from `starts[i]` to `ends[i]` of `bytes` or `line`.
    @usableFromInline var starts: UnsafeMutablePointer<Int>
    @usableFromInline var ends: UnsafeMutablePointer<Int>
    @usableFromInline var count = 0
    /// How many of the `count` fields were split: fewer when the row's later fields were
    /// only counted (`splitLimit`); those lie in `line` from `restStart` to `lineLength`.
    @usableFromInline var splitCount = 0
    var restStart = 0
    var lineLength = 0
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
        restStart = found.restStart
        lineLength = found.lineLength
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

/// A read-only view of one row's fields: the storage they are in, read through its pointer.
///
/// One word, so that a record made of it is passed in registers: a record of the fields'
/// pointers and counts, eleven words, was copied for every call that read a field.
@usableFromInline
struct FieldView {
    @usableFromInline let storage: UnsafePointer<FieldStorage>

    init(_ storage: UnsafePointer<FieldStorage>) {
        self.storage = storage
    }

    /// The number of fields.
    @inlinable var count: Int { storage.pointee.count }

    /// The bytes of every field split together.
    var byteCount: Int { storage.pointee.byteCount }

    /// The bytes of field `index`; empty past the last field.
    @inlinable @inline(__always)
    func field(_ index: Int) -> UnsafeRawBufferPointer {
        let fields = storage
        guard let line = fields.pointee.line else {
            // Copied fields (libcsv's): every one is split.
            guard index < fields.pointee.count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            let start = fields.pointee.starts[index]
            return UnsafeRawBufferPointer(start: fields.pointee.bytes + start, count: fields.pointee.ends[index] &- start)
        }
        guard index < fields.pointee.splitCount else {
            return index < fields.pointee.count ? unsplitField(index, of: line) : UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let start = fields.pointee.starts[index]
        return UnsafeRawBufferPointer(start: line + start, count: fields.pointee.ends[index] &- start)
    }

    /// A field of a line that was counted, not split (`TableReader.readFields(upTo:)`), found
    /// now in the rest of the line, which holds no quote: past as many commas as fields before
    /// it, trimmed as `PlainLine` trims. Rare (a message showing the row), so never inlined.
    @usableFromInline @inline(never)
    func unsplitField(_ index: Int, of line: UnsafePointer<UInt8>) -> UnsafeRawBufferPointer {
        let (splitCount, lineLength) = (storage.pointee.splitCount, storage.pointee.lineLength)
        var start = storage.pointee.restStart
        for _ in splitCount..<index {
            while line[start] != .comma { start += 1 }
            start += 1
        }
        var end = start
        while end < lineLength, line[end] != .comma { end += 1 }
        while start < end, line[start] == .space || line[start] == .tab { start += 1 }
        while end > start, line[end - 1] == .space || line[end - 1] == .tab { end -= 1 }
        return UnsafeRawBufferPointer(start: line + start, count: end - start)
    }

    func string(_ index: Int) -> String {
        let bytes = field(index)
        // Decoding no bytes is not free: empty fields are common.
        return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
    }

    /// How many fields hold at least one byte.
    var nonEmptyCount: Int { (0..<count).count { !field($0).isEmpty } }
}
