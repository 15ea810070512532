import AreaNeedsMethods

/// Each area's need rank on one measure, by area number, packed until `NeedRows` lays it
/// out with the others: an optional `NeedRank` takes 24 bytes, and a national run ranks 26
/// indicators twice over (nationally and within districts) for 7,142 areas.
struct AreaRanks: Sendable {
    /// 0 where the area has no rank.
    private var ranks: [Int32]
    private var quintiles: [UInt8]

    init(_ ranks: [NeedRank?]) {
        self.ranks = ranks.map { Int32($0?.rank ?? 0) }
        quintiles = ranks.map { UInt8($0?.quintile ?? 0) }
    }

    /// The number of areas.
    var count: Int { ranks.count }

    /// Copies every area's rank and quintile, 0 for none, to the buffers from `start` on.
    func copy(to ranks: UnsafeMutableBufferPointer<Int32>, quintiles: UnsafeMutableBufferPointer<UInt8>, from start: Int) {
        precondition(start + count <= min(ranks.count, quintiles.count), "the buffers hold every area")
        for area in self.ranks.indices {
            ranks[start + area] = self.ranks[area]
            quintiles[start + area] = self.quintiles[area]
        }
    }
}
