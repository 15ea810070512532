/// A set of band positions of one scheme (at most 64 bands), held in one word: the stage keeps
/// one per small area to find a band given twice or not at all.
package struct AgeBandSet: Hashable, Sendable {
    private var bits: UInt64 = 0

    /// The empty set.
    package init() {}

    /// Adds a band; false when it was already there.
    @discardableResult
    package mutating func insert(_ index: Int) -> Bool {
        precondition((0..<64).contains(index), "age band position \(index) is outside 0..<64")
        let bit = UInt64(1) << UInt64(index)
        defer { bits |= bit }
        return bits & bit == 0
    }

    /// Adds a band of `scheme`; a band already there is `AgeBandError.duplicatedBand`.
    package mutating func insert(_ index: Int, of scheme: AgeBandScheme) throws(AgeBandError) {
        guard insert(index) else { throw .duplicatedBand(scheme.band(index)) }
    }

    /// Checks that every band of `scheme` is in the set; the first that is not is
    /// `AgeBandError.missingBand`.
    package func requireEvery(of scheme: AgeBandScheme) throws(AgeBandError) {
        if let missing = firstMissing(of: scheme.count) { throw .missingBand(scheme.band(missing)) }
    }

    /// Whether the band is in the set.
    package func contains(_ index: Int) -> Bool {
        (0..<64).contains(index) && bits & (UInt64(1) << UInt64(index)) != 0
    }

    /// How many bands are in the set.
    package var count: Int { bits.nonzeroBitCount }

    /// The first of the bands 0..<bandCount that is not in the set; nil when all are.
    package func firstMissing(of bandCount: Int) -> Int? {
        let all: UInt64 = bandCount >= 64 ? ~0 : (UInt64(1) << UInt64(bandCount)) - 1
        let missing = all & ~bits
        return missing == 0 ? nil : missing.trailingZeroBitCount
    }
}
