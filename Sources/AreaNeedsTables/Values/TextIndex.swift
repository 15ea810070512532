#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers the distinct texts of a column as they are met (0, 1, 2...), each looked up by
/// its bytes with no `String` made: a long table's breakdowns ("No qualifications", "Level
/// 1"...) repeat over many rows, and telling them apart must cost little per row.
///
///     var categories = TextIndex()
///     let category = record.field(column, in: &categories)   // the same number for the same text
package struct TextIndex: Sendable {
    /// The texts' bytes, one after another, and where each starts (and one past the last).
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing: each slot holds a text's number, or -1; at most half full.
    private var slots: [Int32] = Array(repeating: -1, count: 16)

    package init() {}

    /// How many distinct texts were met.
    package var count: Int { starts.count - 1 }

    /// The text numbered `number`.
    package func text(_ number: Int) -> String {
        String(decoding: bytes[starts[number]..<starts[number + 1]], as: UTF8.self)
    }

    /// The number of the text these bytes hold, numbering it when it is new.
    mutating func number(of field: UnsafeRawBufferPointer) -> Int {
        let mask = slots.count - 1
        var slot = TextIndex.hash(field) & mask
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if equal(number, field) { return number }
            slot = (slot + 1) & mask
        }
        let number = count
        bytes.append(contentsOf: field)
        starts.append(bytes.count)
        slots[slot] = Int32(truncatingIfNeeded: number)
        if count * 2 > slots.count { grow() }
        return number
    }

    private func equal(_ number: Int, _ field: UnsafeRawBufferPointer) -> Bool {
        let start = starts[number]
        let length = starts[number + 1] - start
        guard length == field.count else { return false }
        return bytes.withUnsafeBytes { stored in
            length == 0 || memcmp(stored.baseAddress! + start, field.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for number in 0..<count {
            var slot = bytes.withUnsafeBytes { TextIndex.hash(UnsafeRawBufferPointer(rebasing: $0[starts[number]..<starts[number + 1]])) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: number)
        }
    }

    /// A hash of the bytes, a word at a time.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = AreaCode.mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count { hash = AreaCode.mix(hash ^ AreaCode.load(bytes, from: offset, count: bytes.count - offset)) }
        return Int(truncatingIfNeeded: hash)
    }
}

extension TableRecord {
    /// The number `index` gives this field's text (numbering it when it is new).
    package func field(_ column: TableColumn, in index: inout TextIndex) -> Int {
        index.number(of: fields.field(column.index))
    }
}
