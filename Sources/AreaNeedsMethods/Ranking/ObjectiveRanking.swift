/// Combines indicator need ranks into objective need ranks (DESIGN.md, "Ranking").
package enum ObjectiveRanking {
    /// Each area's objective need from its need ranks on the objective's indicators.
    ///
    ///     mean need rank = Σ indicator need ranks / indicators ranked
    ///     objective need rank: the means ranked again, the LOWEST mean first (need rank 1 is
    ///     the greatest need), ties sharing the lowest rank number, with quintiles by
    ///     `NeedRanking.quintile(rank:count:)` over the areas that have a mean.
    ///
    /// Pass, per area, the `NeedRank`s it has on the objective's indicators (indicators without
    /// a rank for the area left out). An area with an empty list gets no entry and is not
    /// counted in n. The mean is a whole number divided by a small whole number, and IEEE
    /// division is correctly rounded, so equal means are equal doubles and unequal means
    /// differ by far more than rounding: comparing the doubles ranks them exactly.
    @inlinable
    package static func rank<Area: Hashable>(_ indicatorRanks: [Area: [NeedRank]]) -> [Area: ObjectiveNeed] {
        let areas = Array(indicatorRanks.keys)
        return NeedRanking.keyed(areas, rank(positions: areas.map { indicatorRanks[$0]! }))
    }

    /// The same for areas by position: `indicatorRanks[i]` are area i's need ranks; nil
    /// where an area has none.
    package static func rank(positions indicatorRanks: [[NeedRank]]) -> [ObjectiveNeed?] {
        needs(indicatorRanks) { means in NeedRanking.rank(positions: means, polarity: .higherIsBetter) }
    }

    /// The mean need ranks (NaN where an area has none), ranked by `rankMeans` (a lower mean
    /// is a greater need: the higher-is-better direction), with their parts.
    @usableFromInline
    static func needs(_ indicatorRanks: [[NeedRank]], rankMeans: ([Double]) -> [NeedRank?]) -> [ObjectiveNeed?] {
        let means = indicatorRanks.map { ranks in
            ranks.isEmpty ? Double.nan : Double(ranks.reduce(0) { $0 + $1.rank }) / Double(ranks.count)
        }
        return zip(indicatorRanks, zip(means, rankMeans(means))).map { ranks, ranked in
            ranked.1.map { rank in
                ObjectiveNeed(meanNeedRank: ranked.0, indicatorsRanked: ranks.count,
                              indicatorsInWorstTwoFifths: ranks.filter(\.highestNeed).count, rank: rank)
            }
        }
    }
}
