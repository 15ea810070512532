/// Finds where the figures of a source's rows go (`Geography.forEachShare`), faster when
/// the rows come in the lookup's order, as most published tables list their areas in code
/// order: it tries the small area after the previous row's before looking the code up.
///
/// Looking every code up cost two cache misses a row, 12% of the normalise stage on the
/// national benchmark (1.6 million rows); the guess is right for nearly every row.
public struct ShareFinder {
    let geography: Geography
    let level: GeographyLevel
    let slot: LookupSlot?
    /// The position in the lookup's codes to try first.
    private var next = 0

    init(geography: Geography, level: GeographyLevel, slot: LookupSlot?) {
        self.geography = geography
        self.level = level
        self.slot = slot
    }

    /// As `Geography.forEachShare(of:at:name:_:)`.
    public mutating func forEachShare(of code: String, name: String? = nil, _ body: (_ area: Int, _ weight: Double) -> Void) -> Bool {
        guard let slot else { return geography.forEachShare(of: code, at: level, name: name, body) }
        let codes = slot.lookup.codes
        let position: Int
        if next < codes.count, codes[next] == code {
            position = next
        } else if let found = slot.lookup.position(of: code) {
            position = found
        } else {
            return false
        }
        next = position + 1
        slot.forEachShare(ofCodeAt: position, body)
        return true
    }
}
