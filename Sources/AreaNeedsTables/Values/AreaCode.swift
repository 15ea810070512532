/// An area code as a table gives it ("E00012345", "E01024821"): its UTF-8 bytes, compared
/// and ordered byte by byte.
///
/// A small value: the first sixteen bytes are held in two words, zero-padded, so that a
/// code read from a field is made, compared, hashed and written without a `String` or an
/// allocation; a longer code (rare: published codes have nine bytes) keeps its bytes in an
/// array besides. The stages check, stage and look up every row's code as one of these,
/// and make text of it only for messages.
///
///     let code = record.areaCode(column)
///     if code.isEmpty { ... }
///     lines[code] = record.line
public struct AreaCode: Sendable {
    /// Bytes 0..<8 and 8..<16, little-endian (the first byte lowest), zero past the end.
    @usableFromInline let head: UInt64
    @usableFromInline let tail: UInt64
    @usableFromInline let count: Int
    /// Every byte, for a code longer than sixteen; nil otherwise.
    @usableFromInline let long: [UInt8]?

    /// The code with the UTF-8 of `text`.
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { AreaCode(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The code with these bytes: the bytes of a field, copied.
    @inlinable
    init(bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        self.count = count
        if count <= 8 {
            head = AreaCode.load(bytes, from: 0, count: count)
            tail = 0
            long = nil
        } else if count <= 16 {
            head = bytes.loadUnaligned(as: UInt64.self)
            tail = AreaCode.load(bytes, from: 8, count: count &- 8)
            long = nil
        } else {
            head = bytes.loadUnaligned(as: UInt64.self)
            tail = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            long = AreaCode.copy(bytes)
        }
    }

    /// The bytes of a long code, kept out of line from the common case.
    @usableFromInline @inline(never)
    static func copy(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        Array(bytes.bindMemory(to: UInt8.self))
    }

    /// `count` (at most 8) bytes from `start` as a little-endian word, zero-padded, read
    /// without touching a byte past them: two overlapping loads where there are four or more.
    @inlinable @inline(__always)
    static func load(_ bytes: UnsafeRawBufferPointer, from start: Int, count: Int) -> UInt64 {
        if count == 8 { return bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self) }
        if count >= 4 {
            let low = UInt64(bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: start &+ count &- 4, as: UInt32.self))
            return low | high &<< UInt64(8 &* (count &- 4))
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(bytes[start &+ index]) &<< UInt64(8 &* index) }
        return word
    }

    /// The number of bytes.
    public var byteCount: Int { count }

    /// True for the code of an empty field.
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// Calls `body` with the code's bytes.
    @inlinable
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let long { return try long.withUnsafeBytes(body) }
        return try withUnsafeBytes(of: (head.littleEndian, tail.littleEndian)) { words in
            try body(UnsafeRawBufferPointer(rebasing: words[0..<count]))
        }
    }

    /// The code's text (its bytes as UTF-8, a byte that is not replaced).
    public var text: String {
        withBytes { String(decoding: $0, as: UTF8.self) }
    }
}

extension AreaCode: Hashable {
    @inlinable
    public static func == (a: AreaCode, b: AreaCode) -> Bool {
        a.head == b.head && a.tail == b.tail && a.count == b.count && (a.count <= 16 || a.long == b.long)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(head)
        hasher.combine(tail)
        hasher.combine(count)
        if let long { hasher.combine(long) }
    }

    /// A hash of the bytes, a few multiplications: for `CodeMap`, which needs no defence
    /// against codes crafted to collide (they make it slow, never wrong).
    @inlinable
    var quickHash: Int {
        var hash = AreaCode.mix(0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count) ^ head)
        if count > 8 { hash = AreaCode.mix(hash ^ tail) }
        if let long, long.count > 16 {
            for byte in long[16...] { hash = AreaCode.mix(hash ^ UInt64(byte)) }
        }
        return Int(truncatingIfNeeded: hash)
    }

    @inlinable @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
    }
}

extension AreaCode: Comparable {
    /// Byte by byte, a prefix first: the order of codes in a published table. Sixteen bytes
    /// are compared in two steps, read big-endian so that the first byte weighs most.
    @inlinable
    public static func < (a: AreaCode, b: AreaCode) -> Bool {
        if a.head != b.head { return a.head.byteSwapped < b.head.byteSwapped }
        if a.tail != b.tail { return a.tail.byteSwapped < b.tail.byteSwapped }
        // The first sixteen bytes agree, zero-padded: the shorter is a prefix of the other.
        guard let left = a.long, let right = b.long else { return a.count < b.count }
        return left.lexicographicallyPrecedes(right)
    }
}

extension AreaCode: CustomStringConvertible, ExpressibleByStringLiteral {
    public var description: String { text }

    public init(stringLiteral text: String) {
        self.init(text)
    }
}
