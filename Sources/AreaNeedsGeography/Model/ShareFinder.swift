import AreaNeedsTables

/// Finds where the figures of a source's rows go (`Geography.forEachShare`), faster when
/// the rows come in the lookup's order, as most published tables list their areas in code
/// order: it tries the small area after the previous row's before looking the code up.
///
/// Looking every code up cost two cache misses a row, 12% of the normalise stage on the
/// national benchmark (1.6 million rows); the guess is right for nearly every row. The
/// lookup's arrays are held here, so that a row reaches them without reference counting,
/// which two threads normalising at once made contended.
package struct ShareFinder {
    private let geography: Geography
    private let level: GeographyLevel
    private let hasLookup: Bool
    /// The lookup's codes; empty without a lookup.
    private let positionOfCode: CodeMap<Int32>
    private let codeCount: Int
    private let rowsStart: [Int32]
    private let rowsByCode: [Int32]
    private let rowAreas: [Int32]
    private let rowWeights: [Double]
    /// The position in `Geography.areas` of each area the lookup names, by its own numbering.
    private let areaPositions: [Int]
    /// The position in the lookup's codes to try first.
    private var next = 0

    init(geography: Geography, level: GeographyLevel, slot: LookupSlot?) {
        self.geography = geography
        self.level = level
        hasLookup = slot != nil
        positionOfCode = slot?.lookup.positionOfCode ?? CodeMap()
        codeCount = slot?.lookup.codeCount ?? 0
        rowsStart = slot?.lookup.rowsStart ?? []
        rowsByCode = slot?.lookup.rowsByCode ?? []
        rowAreas = slot?.lookup.rowAreas ?? []
        rowWeights = slot?.lookup.rowWeights ?? []
        areaPositions = slot?.areaPositions ?? []
    }

    /// As `Geography.forEachShare(of:at:name:_:)`.
    package mutating func forEachShare(of code: String, name: String? = nil, _ body: (_ area: Int, _ weight: Double) -> Void) -> Bool {
        forEachShare(of: AreaCode(code), name: name, body)
    }

    /// As `Geography.forEachShare(of:at:name:_:)`, for a code as read; the name is made only
    /// for a geography that needs it (2021 LSOAs).
    package mutating func forEachShare(of code: AreaCode, name: @autoclosure () -> String?,
                                      _ body: (_ area: Int, _ weight: Double) -> Void) -> Bool {
        guard hasLookup else {
            return geography.forEachShare(of: code.text, at: level, name: name(), body)
        }
        let position: Int
        if next < codeCount, positionOfCode.code(at: next, is: code) {
            position = next
        } else if let found = positionOfCode.position(of: code) {
            position = found
        } else {
            return false
        }
        next = position + 1
        for index in Int(rowsStart[position])..<Int(rowsStart[position + 1]) {
            let row = Int(rowsByCode[index])
            let area = areaPositions[Int(rowAreas[row])]
            // An area the areas table lacks is a problem `check` reports; nothing goes there.
            if area >= 0 { body(area, rowWeights[row]) }
        }
        return true
    }
}
