/// A dictionary keyed by area codes ("E00012345", "E01024821"): what the stages look up for
/// every row of every source.
///
/// Swift's `Dictionary` hashes a `String` with SipHash, seeded per process to resist
/// hash flooding; for the short codes of national tables that was a fifth of the time spent
/// mapping small areas to areas (perf, national benchmark). This map hashes a code's words
/// with a few multiplications instead, keeps the codes packed (`AreaCodeList`) and their
/// positions in an open-addressing table. A code is looked up as it was read from a field
/// (`AreaCode`), with no `String` made for it. The hash is not seeded: a file crafted so
/// that its codes collide would make lookups slow, not wrong.
///
/// Inlinable, so that each caller gets a copy specialised for its value type: the generic
/// copy looked up array metadata for every code added, 800 instructions a code while
/// reading the national output-area lookup.
///
///     var lines = CodeMap<Int>()
///     lines["E01024821"] = 12
///     lines["E01024821"]          // 12
package struct CodeMap<Value> {
    /// The codes, in the order they were added.
    @usableFromInline var codes = AreaCodeList()
    @usableFromInline var entries: [Value] = []
    /// Positions in `codes`, or -1 for an empty slot; the count is a power of two.
    @usableFromInline var slots: [Int32] = Array(repeating: -1, count: 16)

    package init() {}

    package var count: Int { codes.count }
    package var isEmpty: Bool { codes.count == 0 }

    /// The codes, in the order they were added.
    package var keys: [AreaCode] { (0..<codes.count).map { codes[$0] } }
    /// Their values, in the same order.
    package var values: [Value] { entries }

    /// The code at `position` (in the order added).
    @inlinable
    package func key(at position: Int) -> AreaCode { codes[position] }

    /// The value at `position` (in the order added).
    @inlinable
    package func value(at position: Int) -> Value { entries[position] }

    /// Whether the code at `position` is `code`: cheaper than looking `code` up, for a caller
    /// that can guess where it is.
    @inlinable
    package func code(at position: Int, is code: AreaCode) -> Bool {
        codes.code(at: position, is: code)
    }

    /// The value of `code`, or nil; setting nil is not supported (codes are never removed).
    @inlinable
    package subscript(code: AreaCode) -> Value? {
        get { position(of: code).map { entries[$0] } }
        set {
            guard let newValue else { preconditionFailure("a CodeMap's codes are never removed") }
            _ = updateValue(newValue, forKey: code)
        }
    }

    /// The position of `code` in the order added, or nil.
    @inlinable
    package func position(of code: AreaCode) -> Int? {
        codes.heads.withUnsafeBufferPointer { heads in
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count &- 1
                var slot = code.quickHash & mask
                while true {
                    let position = Int(slots[slot])
                    if position < 0 { return nil }
                    // The first word tells most codes apart before the rest is read.
                    if heads[position] == code.head, codes.code(at: position, is: code) { return position }
                    slot = (slot &+ 1) & mask
                }
            }
        }
    }

    /// Sets the value of `code`; returns the old value, or nil when the code is new.
    @inlinable @discardableResult
    package mutating func updateValue(_ value: Value, forKey code: AreaCode) -> Value? {
        if let position = position(of: code) {
            let old = entries[position]
            entries[position] = value
            return old
        }
        append(code, value)
        return nil
    }

    /// Adds a code that is not in the map, at the end.
    @inlinable
    mutating func append(_ code: AreaCode, _ value: Value) {
        appendUnindexed(code, value)
        // At most half full, so probes stay short.
        if codes.count &* 2 > slots.count {
            grow()
        } else {
            place(codes.count &- 1, hash: code.quickHash)
        }
    }

    /// Makes room for `count` codes in all, so that filling the map does not grow it step by
    /// step (each step holding the old and the new arrays at once).
    package mutating func reserveCapacity(_ count: Int) {
        codes.reserveCapacity(count)
        entries.reserveCapacity(count)
        var size = slots.count
        while count * 2 > size { size *= 2 }
        if size > slots.count { rehash(slotCount: size) }
    }

    /// Adds a new code at the end without indexing it: `index()` must run before the map
    /// is next looked up by hash (`SeenCodes` indexes codes only once they come out of order).
    @inlinable
    mutating func appendUnindexed(_ code: AreaCode, _ value: Value) {
        codes.append(code)
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
        for position in 0..<codes.count {
            place(position, hash: codes[position].quickHash)
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
}

extension CodeMap: Sendable where Value: Sendable {}
