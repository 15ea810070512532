import AreaNeedsMethods

/// Each area's need rank on one measure, by area number, packed: an optional `NeedRank`
/// takes 24 bytes, and a national run holds 26 indicators' ranks twice over (nationally and
/// within districts) for 7,142 areas.
struct AreaRanks: Sendable {
    /// 0 where the area has no rank.
    private var ranks: [Int32]
    private var quintiles: [UInt8]

    init(_ ranks: [Int: NeedRank], count: Int) {
        self.ranks = Array(repeating: 0, count: count)
        quintiles = Array(repeating: 0, count: count)
        for (area, rank) in ranks {
            self.ranks[area] = Int32(rank.rank)
            quintiles[area] = UInt8(rank.quintile)
        }
    }

    subscript(area: Int) -> NeedRank? {
        ranks[area] == 0 ? nil : NeedRank(rank: Int(ranks[area]), quintile: Int(quintiles[area]))
    }
}
