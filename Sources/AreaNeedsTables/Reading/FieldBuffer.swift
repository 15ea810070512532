/// The fields of the row being parsed, packed end to end in one reused allocation.
///
/// libcsv hands over every field through a C callback; this is the innermost loop of
/// every read. So the state lives behind a plain pointer (`FieldStorage`), where the
/// callback can append without reference counting or run-time exclusivity checks,
/// which otherwise cost more than the parse itself. Rows are handed out as views into
/// this buffer, so reading a file allocates per row only what the caller asks for.
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
struct FieldStorage {
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var capacity: Int
    /// `ends[i]` is the offset just past field `i`; field `i` starts at `ends[i - 1]` (or 0).
    var ends: UnsafeMutablePointer<Int>
    var count = 0
    var endsCapacity: Int
    let maxFieldsPerRow: Int
    let maxFieldBytes: Int
    let maxRowBytes: Int

    init(limits: ReadLimits) {
        capacity = 1 << 12
        bytes = .allocate(capacity: capacity)
        endsCapacity = 64
        ends = .allocate(capacity: endsCapacity)
        maxFieldsPerRow = limits.maxFieldsPerRow
        maxFieldBytes = limits.maxFieldBytes
        maxRowBytes = limits.maxRowBytes
    }

    func deallocate() {
        bytes.deallocate()
        ends.deallocate()
    }

    var view: FieldView { FieldView(bytes: bytes, ends: ends, count: count) }

    /// True when one more field of `length` bytes stays within the limits.
    @inline(__always)
    func accepts(length: Int) -> Bool {
        count < maxFieldsPerRow && length <= maxFieldBytes && byteCount + length <= maxRowBytes
    }

    /// Appends a field (the caller has checked `accepts(length:)`).
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
        byteCount &+= length
        ends[count] = byteCount
        count &+= 1
    }

    mutating func removeLast() {
        count -= 1
        byteCount = count == 0 ? 0 : ends[count - 1]
    }

    mutating func removeAll() {
        byteCount = 0
        count = 0
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
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endsCapacity * 2)
        grown.update(from: ends, count: count)
        ends.deallocate()
        ends = grown
        endsCapacity *= 2
    }
}

/// A read-only view of one row's fields.
@usableFromInline
struct FieldView {
    @usableFromInline let bytes: UnsafePointer<UInt8>
    @usableFromInline let ends: UnsafePointer<Int>
    @usableFromInline let count: Int

    init(bytes: UnsafePointer<UInt8>, ends: UnsafePointer<Int>, count: Int) {
        self.bytes = bytes
        self.ends = ends
        self.count = count
    }

    /// The bytes of field `index`; empty past the last field.
    @inlinable @inline(__always)
    func field(_ index: Int) -> UnsafeRawBufferPointer {
        guard index < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let start = index == 0 ? 0 : ends[index - 1]
        return UnsafeRawBufferPointer(start: bytes + start, count: ends[index] - start)
    }

    func string(_ index: Int) -> String {
        let bytes = field(index)
        // Decoding no bytes is not free: empty fields are common.
        return bytes.isEmpty ? "" : String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of every field together.
    var byteCount: Int { count == 0 ? 0 : ends[count - 1] }

    /// How many fields hold at least one byte.
    var nonEmptyCount: Int { (0..<count).count { !field($0).isEmpty } }
}
