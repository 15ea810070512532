import AreaNeedsMethods

/// Each area's need rank on one measure, by area number, packed: an optional `NeedRank`
/// takes 24 bytes, and a national run ranks 26 indicators twice over (nationally and
/// within districts) for 7,142 areas.
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

    /// Area `area`'s rank; nil when it has none.
    subscript(area: Int) -> NeedRank? {
        let rank = ranks[area]
        return rank == 0 ? nil : NeedRank(rank: Int(rank), quintile: Int(quintiles[area]))
    }
}
