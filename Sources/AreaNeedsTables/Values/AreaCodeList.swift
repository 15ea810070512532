/// Area codes in the order they were added, packed: each code's first sixteen bytes as two
/// words and its length, in arrays of their own (20 bytes a code, where an array of
/// `AreaCode`s takes 32), with the rare longer code's bytes kept aside.
///
/// What `CodeMap` and `SeenCodes` keep their codes in: a national output-area lookup has
/// 188,880 of them, and an ingest holds two such lists per source it reads.
@usableFromInline
struct AreaCodeList: Sendable {
    @usableFromInline var heads: [UInt64] = []
    @usableFromInline var tails: [UInt64] = []
    @usableFromInline var counts: [UInt32] = []
    /// The bytes of each code over sixteen bytes long, by position.
    @usableFromInline var longCodes: [Int: [UInt8]] = [:]

    @usableFromInline init() {}

    @inlinable var count: Int { counts.count }

    /// The code at `position`.
    @inlinable
    subscript(position: Int) -> AreaCode {
        let count = Int(counts[position])
        return AreaCode(head: heads[position], tail: tails[position], count: count, long: count > 16 ? longCodes[position] : nil)
    }

    /// Whether the code at `position` is `code`, without making it.
    @inlinable
    func code(at position: Int, is code: AreaCode) -> Bool {
        heads[position] == code.head && tails[position] == code.tail && Int(counts[position]) == code.count
            && (code.count <= 16 || longCodes[position] == code.long)
    }

    @inlinable
    mutating func append(_ code: AreaCode) {
        precondition(code.count <= Int(UInt32.max), "an area code under 4 GB")
        if let long = code.long { longCodes[counts.count] = long }
        heads.append(code.head)
        tails.append(code.tail)
        counts.append(UInt32(truncatingIfNeeded: code.count))
    }

    mutating func reserveCapacity(_ count: Int) {
        heads.reserveCapacity(count)
        tails.reserveCapacity(count)
        counts.reserveCapacity(count)
    }
}

extension AreaCode {
    /// A code made from its parts, as `AreaCodeList` keeps them.
    @inlinable
    init(head: UInt64, tail: UInt64, count: Int, long: [UInt8]?) {
        self.head = head
        self.tail = tail
        self.count = count
        self.long = long
    }
}
