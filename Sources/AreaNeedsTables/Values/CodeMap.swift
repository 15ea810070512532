/// A dictionary keyed by area codes ("E00012345", "E01024821"): what the stages look up for
/// every row of every source.
///
/// Swift's `Dictionary` hashes a `String` with SipHash, seeded per process to resist
/// hash flooding; for the short codes of national tables that was a fifth of the time spent
/// mapping small areas to areas (perf, national benchmark). This map hashes a code's bytes
/// with a few multiplications instead, keeps the codes in one array and their positions in
/// an open-addressing table. The hash is not seeded: a file crafted so that its codes
/// collide would make lookups slow, not wrong.
///
/// Inlinable, so that each caller gets a copy specialised for its value type: the generic
/// copy looked up array metadata for every code added, 800 instructions a code while
/// reading the national output-area lookup.
///
///     var lines = CodeMap<Int>()
///     lines["E01024821"] = 12
///     lines["E01024821"]          // 12
public struct CodeMap<Value> {
    /// The codes, in the order they were added.
    public var keys: [String] { codes }
    /// Their values, in the same order.
    public var values: [Value] { entries }
    @usableFromInline var codes: [String] = []
    @usableFromInline var entries: [Value] = []
    /// Positions in `keys`, or -1 for an empty slot; the count is a power of two.
    @usableFromInline var slots: [Int32] = Array(repeating: -1, count: 16)

    public init() {}

    public var count: Int { codes.count }
    public var isEmpty: Bool { codes.isEmpty }

    /// The value of `key`, or nil; setting nil is not supported (codes are never removed).
    @inlinable
    public subscript(key: String) -> Value? {
        get { position(of: key).map { entries[$0] } }
        set {
            guard let newValue else { preconditionFailure("a CodeMap's codes are never removed") }
            _ = updateValue(newValue, forKey: key)
        }
    }

    /// The position of `key` in `codes`, or nil.
    @inlinable
    public func position(of key: String) -> Int? {
        var utf8 = key
        return utf8.withUTF8 { bytes in
            let mask = slots.count - 1
            var slot = CodeMap.hash(UnsafeRawBufferPointer(bytes)) & mask
            while true {
                let position = Int(slots[slot])
                if position < 0 { return nil }
                if codes[position] == key { return position }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Sets the value of `key`; returns the old value, or nil when the key is new.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        var utf8 = key
        let hash = utf8.withUTF8 { CodeMap.hash(UnsafeRawBufferPointer($0)) }
        var slot = hash & (slots.count - 1)
        while true {
            let position = Int(slots[slot])
            if position < 0 { break }
            if codes[position] == key {
                let old = entries[position]
                entries[position] = value
                return old
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = Int32(codes.count)
        codes.append(key)
        entries.append(value)
        // At most half full, so probes stay short.
        if codes.count * 2 > slots.count { grow() }
        return nil
    }

    /// Makes room for `count` codes in all, so that filling the map does not grow it step by
    /// step (each step holding the old and the new arrays at once).
    public mutating func reserveCapacity(_ count: Int) {
        codes.reserveCapacity(count)
        entries.reserveCapacity(count)
        var size = slots.count
        while count * 2 > size { size *= 2 }
        if size > slots.count {
            slots = Array(repeating: -1, count: size / 2)
            grow()
        }
    }

    @usableFromInline
    mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for position in codes.indices {
            var key = codes[position]
            var slot = key.withUTF8 { CodeMap.hash(UnsafeRawBufferPointer($0)) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position)
        }
    }

    /// Mixes a code's bytes eight at a time: multiply, fold the high half down.
    @inlinable
    static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail |= UInt64(bytes[index]) << (8 * (index - offset)) }
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
