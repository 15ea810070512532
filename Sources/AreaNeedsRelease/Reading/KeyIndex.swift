/// The values of one unique key seen so far in a table, for finding a repeated key in one
/// pass with memory in proportion to the rows.
///
/// Each column's texts are numbered as they first appear (a need table repeats each area
/// code and indicator id thousands of times), so a key of up to four columns is held as
/// two 64-bit words however long its texts, with the line it was first seen on.
struct KeyIndex {
    /// The key's columns, as positions in a row.
    let columns: [Int]
    /// Per key column (the fourth takes the rest of a longer key, joined): text -> number.
    private var numbers: [[String: UInt32]]
    /// Per key column: the texts by number, so rows share one copy of each.
    private var texts: [[String]]
    /// Per key column: the number of the previous row's text, which the next row usually
    /// repeats.
    private var previous: [UInt32?]
    private var lines: [PackedKey: Int32] = [:]

    init(columns: [Int]) {
        self.columns = columns
        let slots = min(columns.count, 4)
        numbers = Array(repeating: [:], count: slots)
        texts = Array(repeating: [], count: slots)
        previous = Array(repeating: nil, count: slots)
    }

    /// Records the key of the row on `line`, whose fields are `row`, and returns the line
    /// of an earlier row with the same key, if there is one. Each key field of `row` is
    /// replaced by the copy of its text kept here.
    mutating func insert(_ row: inout [String], line: Int) -> Int? {
        var key = PackedKey()
        for slot in numbers.indices {
            let number: UInt32
            if slot == 3 && columns.count > 4 {
                number = self.number(columns[3...].map { row[$0] }.joined(separator: "\u{1F}"), slot: slot)
            } else {
                let column = columns[slot]
                if let last = previous[slot], texts[slot][Int(last)] == row[column] {
                    number = last
                } else {
                    number = self.number(row[column], slot: slot)
                }
                row[column] = texts[slot][Int(number)]
            }
            previous[slot] = number
            key.set(slot, number)
        }
        if let earlier = lines[key] { return Int(earlier) }
        lines[key] = Int32(clamping: line)
        return nil
    }

    private mutating func number(_ text: String, slot: Int) -> UInt32 {
        if let known = numbers[slot][text] { return known }
        let number = UInt32(texts[slot].count)
        numbers[slot][text] = number
        texts[slot].append(text)
        return number
    }
}

/// Up to four 32-bit numbers in two words: a key of `KeyIndex`.
private struct PackedKey: Hashable {
    var low: UInt64 = 0
    var high: UInt64 = 0

    mutating func set(_ slot: Int, _ number: UInt32) {
        let shift = UInt64((slot % 2) * 32)
        if slot < 2 { low |= UInt64(number) << shift } else { high |= UInt64(number) << shift }
    }
}
