/// The area codes of a table's rows, each with the line it was first read on, to find a
/// code that appears twice: `updateValue(line, forKey: code)` returns the earlier line of a
/// repeat, as a `[String: Int]` would.
///
/// Published tables usually list their areas in code order. While each code sorts after the
/// one before, it cannot be a repeat: it is kept, not hashed. The first code out of order
/// indexes every code so far (`CodeMap`), and from then on each is looked up. Hashing every
/// code was a seventh of the ingest stage on the national benchmark (1.6 million rows).
public struct SeenCodes {
    private var ordered: [String] = []
    private var lines: [Int] = []
    private var map: CodeMap<Int>?

    public init() {}

    /// How many distinct codes were seen.
    public var count: Int { map?.count ?? ordered.count }

    /// The line `code` was first read on; nil when it was not read.
    public subscript(code: String) -> Int? {
        if let map { return map[code] }
        // Still in code order: a binary search.
        var low = 0
        var high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if ordered[middle] < code { low = middle + 1 } else { high = middle }
        }
        return low < ordered.count && ordered[low] == code ? lines[low] : nil
    }

    /// Calls `body` with every code and the line it was first read on, in the order read.
    public func forEach(_ body: (_ code: String, _ line: Int) -> Void) {
        if let map {
            for (code, line) in zip(map.keys, map.values) { body(code, line) }
        } else {
            for (code, line) in zip(ordered, lines) { body(code, line) }
        }
    }

    /// Records `code` as read on `line`; returns the line it was read on before, or nil
    /// when it is new (the earlier line is kept).
    public mutating func updateValue(_ line: Int, forKey code: String) -> Int? {
        if map == nil {
            if let last = ordered.last, !(last < code) {
                var indexed = CodeMap<Int>()
                for (code, line) in zip(ordered, lines) { indexed[code] = line }
                map = indexed
                ordered = []
                lines = []
            } else {
                ordered.append(code)
                lines.append(line)
                return nil
            }
        }
        if let first = map![code] { return first }
        map![code] = line
        return nil
    }
}
