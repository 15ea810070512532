/// Combines indicator need ranks into objective need ranks (DESIGN.md, "Ranking").
public enum ObjectiveRanking {
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
    ///
    /// Inlinable, as `NeedRanking.rank` is, so callers get a specialised copy.
    @inlinable
    public static func rank<Area: Hashable>(_ indicatorRanks: [Area: [NeedRank]]) -> [Area: ObjectiveNeed] {
        var means: [Area: Double] = [:]
        for (area, ranks) in indicatorRanks where !ranks.isEmpty {
            means[area] = Double(ranks.reduce(0) { $0 + $1.rank }) / Double(ranks.count)
        }
        // A lower mean need rank is a greater need: the higher-is-better direction.
        let objectiveRanks = NeedRanking.rank(means, polarity: .higherIsBetter)
        var result: [Area: ObjectiveNeed] = [:]
        for (area, objectiveRank) in objectiveRanks {
            guard let ranks = indicatorRanks[area], let mean = means[area] else { continue }
            result[area] = ObjectiveNeed(
                meanNeedRank: mean, indicatorsRanked: ranks.count,
                indicatorsInWorstTwoFifths: ranks.filter(\.highestNeed).count, rank: objectiveRank)
        }
        return result
    }
}
