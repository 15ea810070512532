/// The area codes of a table's rows, each with the line it was first read on, to find a
/// code that appears twice: `updateValue(line, forKey: code)` returns the earlier line of
/// a repeat and, unlike a dictionary's, keeps it.
///
/// Published tables usually list their areas in code order. While each code sorts after the
/// one before (byte by byte), it cannot be a repeat: it is kept, not hashed. The first code
/// out of order indexes every code so far (`CodeMap`), and from then on each is looked up.
/// Hashing every code was a seventh of the ingest stage on the national benchmark (1.6
/// million rows). Codes are taken as read (`AreaCode`): no `String` is made for a row.
package struct SeenCodes {
    /// The codes and their lines, in the order read; indexed once out of order.
    private var codes = CodeMap<Int>()
    private var indexed = false

    package init() {}

    /// How many distinct codes were seen.
    package var count: Int { codes.count }

    /// The line `code` was first read on; nil when it was not read.
    package subscript(code: AreaCode) -> Int? {
        if indexed { return codes[code] }
        // Still in code order: a binary search.
        var low = 0
        var high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes.key(at: middle) < code { low = middle + 1 } else { high = middle }
        }
        return low < codes.count && codes.code(at: low, is: code) ? codes.value(at: low) : nil
    }

    /// Calls `body` with each code that `other` has not seen, and the line it was first read
    /// on, in the order read.
    ///
    /// Comparing a million codes with a previous ingest's, a text and a search for each had
    /// been a quarter of a repeated ingest. Two tables still in code order are walked side by
    /// side, and text is made only for the codes passed on.
    package func forEachCode(notIn other: SeenCodes, _ body: (_ code: AreaCode, _ line: Int) -> Void) {
        guard !indexed && !other.indexed else {
            for position in 0..<codes.count where other[codes.key(at: position)] == nil {
                body(codes.key(at: position), codes.value(at: position))
            }
            return
        }
        var otherPosition = 0
        for position in 0..<codes.count {
            let code = codes.key(at: position)
            while otherPosition < other.codes.count, other.codes.key(at: otherPosition) < code { otherPosition += 1 }
            if otherPosition < other.codes.count && other.codes.code(at: otherPosition, is: code) { continue }
            body(code, codes.value(at: position))
        }
    }

    /// Records `code` as read on `line`; returns the line it was read on before, or nil
    /// when it is new (the earlier line is kept).
    package mutating func updateValue(_ line: Int, forKey code: AreaCode) -> Int? {
        if !indexed {
            let last = codes.count - 1
            if last < 0 || codes.key(at: last) < code {
                codes.appendUnindexed(code, line)
                return nil
            }
            codes.index()
            indexed = true
        }
        if let position = codes.position(of: code) { return codes.value(at: position) }
        codes.append(code, line)
        return nil
    }
}
