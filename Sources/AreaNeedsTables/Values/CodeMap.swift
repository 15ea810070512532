/// A dictionary keyed by area codes ("E00012345", "E01024821"): what the stages look up for
/// every row of every source.
///
/// Swift's `Dictionary` hashes a `String` with SipHash, seeded per process to resist
/// hash flooding; for the short codes of national tables that was a fifth of the time spent
/// mapping small areas to areas (perf, national benchmark). This map hashes a code's bytes
/// with a few multiplications instead, keeps the codes' bytes end to end in one array and
/// their positions in an open-addressing table. A code can be looked up as the bytes of a
/// field just read, with no `String` made for it. The hash is not seeded: a file crafted so
/// that its codes collide would make lookups slow, not wrong.
///
/// Inlinable, so that each caller gets a copy specialised for its value type: the generic
/// copy looked up array metadata for every code added, 800 instructions a code while
/// reading the national output-area lookup.
///
///     var lines = CodeMap<Int>()
///     lines["E01024821"] = 12
///     lines["E01024821"]          // 12
public struct CodeMap<Value> {
    /// The codes' UTF-8, end to end, in the order they were added.
    @usableFromInline var codeBytes: [UInt8] = []
    /// Where each code ends in `codeBytes`; it starts where the one before ends.
    @usableFromInline var codeEnds: [Int] = []
    @usableFromInline var entries: [Value] = []
    /// Positions in `codeEnds`, or -1 for an empty slot; the count is a power of two.
    @usableFromInline var slots: [Int32] = Array(repeating: -1, count: 16)

    public init() {}

    public var count: Int { codeEnds.count }
    public var isEmpty: Bool { codeEnds.isEmpty }

    /// The codes, in the order they were added.
    public var keys: [String] { codeEnds.indices.map(key(at:)) }
    /// Their values, in the same order.
    public var values: [Value] { entries }

    /// The code at `position` (in the order added).
    public func key(at position: Int) -> String {
        withCode(at: position) { String(decoding: $0, as: UTF8.self) }
    }

    /// The value at `position` (in the order added).
    @inlinable
    public func value(at position: Int) -> Value { entries[position] }

    /// Calls `body` with the bytes of the code at `position`.
    @inlinable
    public func withCode<Result>(at position: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let start = position == 0 ? 0 : codeEnds[position &- 1]
        let end = codeEnds[position]
        return try codeBytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Whether the code at `position` is `code`.
    @inlinable
    public func code(at position: Int, is code: UnsafeRawBufferPointer) -> Bool {
        withCode(at: position) { CodeBytes.equal($0, code) }
    }

    /// The value of `key`, or nil; setting nil is not supported (codes are never removed).
    @inlinable
    public subscript(key: String) -> Value? {
        get { position(of: key).map { entries[$0] } }
        set {
            guard let newValue else { preconditionFailure("a CodeMap's codes are never removed") }
            _ = updateValue(newValue, forKey: key)
        }
    }

    /// The position of `key` in the order added, or nil.
    @inlinable
    public func position(of key: String) -> Int? {
        var key = key
        return key.withUTF8 { position(ofCode: UnsafeRawBufferPointer($0)) }
    }

    /// The position of the code with these bytes, or nil.
    @inlinable
    public func position(ofCode code: UnsafeRawBufferPointer) -> Int? {
        codeBytes.withUnsafeBytes { stored in
            codeEnds.withUnsafeBufferPointer { ends in
                slots.withUnsafeBufferPointer { slots in
                    let mask = slots.count &- 1
                    var slot = CodeMap.hash(code) & mask
                    while true {
                        let position = Int(slots[slot])
                        if position < 0 { return nil }
                        let start = position == 0 ? 0 : ends[position &- 1]
                        if CodeBytes.equal(UnsafeRawBufferPointer(rebasing: stored[start..<ends[position]]), code) { return position }
                        slot = (slot &+ 1) & mask
                    }
                }
            }
        }
    }

    /// The value of the code with these bytes, or nil.
    @inlinable
    public func value(forCode code: UnsafeRawBufferPointer) -> Value? {
        position(ofCode: code).map { entries[$0] }
    }

    /// Sets the value of `key`; returns the old value, or nil when the key is new.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        var key = key
        return key.withUTF8 { updateValue(value, forCode: UnsafeRawBufferPointer($0)) }
    }

    /// Sets the value of the code with these bytes; returns the old value, or nil when the
    /// code is new.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forCode code: UnsafeRawBufferPointer) -> Value? {
        if let position = position(ofCode: code) {
            let old = entries[position]
            entries[position] = value
            return old
        }
        append(code, value)
        return nil
    }

    /// Adds a code that is not in the map, at the end.
    @inlinable
    mutating func append(_ code: UnsafeRawBufferPointer, _ value: Value) {
        appendUnindexed(code, value)
        // At most half full, so probes stay short.
        if codeEnds.count &* 2 > slots.count {
            grow()
        } else {
            place(codeEnds.count &- 1, hash: CodeMap.hash(code))
        }
    }

    /// Makes room for `count` codes in all, so that filling the map does not grow it step by
    /// step (each step holding the old and the new arrays at once).
    public mutating func reserveCapacity(_ count: Int) {
        codeEnds.reserveCapacity(count)
        entries.reserveCapacity(count)
        var size = slots.count
        while count * 2 > size { size *= 2 }
        if size > slots.count { rehash(slotCount: size) }
    }

    /// Adds a new code at the end without indexing it: `index()` must run before the map
    /// is next looked up by hash (`SeenCodes` indexes codes only once they come out of order).
    @inlinable
    mutating func appendUnindexed(_ code: UnsafeRawBufferPointer, _ value: Value) {
        codeBytes.append(contentsOf: code.assumingMemoryBound(to: UInt8.self))
        codeEnds.append(codeBytes.count)
        entries.append(value)
    }

    /// Indexes every code added so far, in a table at most half full.
    mutating func index() {
        var size = 16
        while count * 2 > size { size *= 2 }
        rehash(slotCount: size)
    }

    @usableFromInline
    mutating func grow() {
        rehash(slotCount: slots.count * 2)
    }

    /// Places every code again in a table of `slotCount` slots, a power of two.
    @usableFromInline
    mutating func rehash(slotCount: Int) {
        slots = Array(repeating: -1, count: slotCount)
        for position in codeEnds.indices {
            place(position, hash: withCode(at: position) { CodeMap.hash($0) })
        }
    }

    /// Puts the code at `position` in the first free slot from its hash.
    @inlinable
    mutating func place(_ position: Int, hash: Int) {
        let mask = slots.count &- 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = Int32(position)
    }

    /// Mixes a code's bytes eight at a time: multiply, fold the high half down.
    @inlinable
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset &+ 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset &+= 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * (index &- offset)) }
            hash = mix(hash ^ tail)
        }
        return Int(truncatingIfNeeded: mix(hash))
    }

    @inlinable @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }
}

extension CodeMap: Sendable where Value: Sendable {}

/// Comparing codes as bytes.
public enum CodeBytes {
    /// Whether two codes have the same bytes: eight at a time, then the rest.
    @inlinable @inline(__always)
    public static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let count = a.count
        guard count == b.count else { return false }
        var offset = 0
        while offset &+ 8 <= count {
            guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else {
                return false
            }
            offset &+= 8
        }
        while offset < count {
            guard a[offset] == b[offset] else { return false }
            offset &+= 1
        }
        return true
    }

    /// Whether `a` sorts before `b`, byte by byte (a prefix first). Eight bytes are compared
    /// at a time, read big-endian so that the first byte weighs most.
    @inlinable
    public static func less(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let shared = Swift.min(a.count, b.count)
        var offset = 0
        while offset &+ 8 <= shared {
            let left = UInt64(bigEndian: a.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let right = UInt64(bigEndian: b.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            if left != right { return left < right }
            offset &+= 8
        }
        while offset < shared {
            if a[offset] != b[offset] { return a[offset] < b[offset] }
            offset &+= 1
        }
        return a.count < b.count
    }
}
