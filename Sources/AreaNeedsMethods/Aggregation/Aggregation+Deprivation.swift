// The English Indices of Deprivation 2019 summary measures for larger areas (technical
// report, section 3.8 and appendix N), applied to any target geography. National ranks run
// from 1 (most deprived) to N; the IoD's own summaries reverse them (N + 1 - rank) so that a
// higher score means more deprived, and so do these.
//
// `AreaAccumulator` sums them row by row:
//
//     average-rank  value = Σ (pᵢ wᵢ)(N + 1 - rᵢ) / Σ (pᵢ wᵢ)                  (none when Σ pᵢ wᵢ = 0)
//     extent        value = Σ (pᵢ wᵢ) eᵢ / Σ (pᵢ wᵢ)
//                   eᵢ    = 1 for national percentiles 1-10; 0.95 - (c - 11) × 0.9 / 19 for
//                           percentiles c = 11-30 (0.95 down to 0.05); 0 beyond
//     share-in-most-deprived-decile
//                   value = Σ wᵢ dᵢ / Σ wᵢ, dᵢ = 1 when the national decile is 1 (or, with
//                           only a rank, when 10 rᵢ <= N), else 0; small areas counted by
//                           their lookup weight, not weighted by population
//
// with pᵢ the population, wᵢ the lookup weight, rᵢ the national rank (1 = most deprived)
// and N the national count. Higher is more deprived; an average rank of N means wholly the
// most deprived area.
extension Aggregation {
    /// `local-concentration`: the population-weighted mean of the reversed national ranks of
    /// the area's most deprived small areas that together hold exactly 10% of its population.
    ///
    ///     P     = Σ pᵢ wᵢ,  T = 0.1 P
    ///     take the small areas from most to least deprived (by national rank, then code),
    ///     each with qᵢ = min(pᵢ wᵢ, T - people taken so before), until T people are taken
    ///     value = Σ qᵢ (N + 1 - rᵢ) / T                               (none when P = 0)
    ///
    /// The small area that crosses the 10% line counts with just the part of its population
    /// needed to reach exactly 10%, as the IoD's "exactly 10 per cent" requires. `used` are
    /// the rows with a population and a rank in range, in the order they came.
    static func localConcentration(
        _ used: [(weight: Double, people: Double, rank: Int, code: String)], nationalCount: Int, quality: Quality, missing: Int
    ) -> AreaFigure {
        let total = used.reduce(0.0) { $0 + $1.people * $1.weight }
        guard total > 0 else {
            return AreaFigure(value: nil, quality: quality, smallAreasUsed: used.count, smallAreasMissing: missing)
        }
        let target = total / 10
        let mostDeprivedFirst = used.sorted { ($0.rank, $0.code) < ($1.rank, $1.code) }
        var remaining = target
        var weightedSum = 0.0
        for row in mostDeprivedFirst where remaining > 0 {
            let taken = min(row.people * row.weight, remaining)
            weightedSum += taken * Double(nationalCount + 1 - row.rank)
            remaining -= taken
        }
        return AreaFigure(
            value: weightedSum / target, quality: quality, smallAreasUsed: used.count, smallAreasMissing: missing)
    }

    // MARK: National positions

    /// The national percentile of a rank, 1 = most deprived 1%: ⌈100 r / N⌉, in integers.
    ///
    /// The same rule as the published IoD 2019 deciles, ⌈10 r / N⌉ (decile 1 is ranks
    /// 1-3,284 of 32,844, decile 3 is 6,569-9,853), so percentiles 1-10 are exactly decile 1.
    static func nationalPercentile(rank: Int, nationalCount: Int) -> Int {
        (100 * rank + nationalCount - 1) / nationalCount
    }

    /// Whether a rank lies in the most deprived 10% nationally: ⌈10 r / N⌉ = 1, that is
    /// 10 r <= N (ranks 1-3,284 of 32,844).
    static func isInMostDeprivedDecile(rank: Int, nationalCount: Int) -> Bool {
        10 * rank <= nationalCount
    }

    /// The IoD extent weight of a national percentile: 1 for 1-10, then 0.95 at 11 falling by
    /// 0.9 / 19 a percentile to 0.05 at 30, then 0.
    ///
    /// Written as (19 + 18 (30 - c)) / 380, the same numbers, so that each weight is one
    /// correctly rounded division (0.95 = 361/380, 0.05 = 19/380, 0.9/19 = 18/380).
    static func extentWeight(percentile: Int) -> Double {
        switch percentile {
        case ...10: 1
        case 11...30: Double(19 + 18 * (30 - percentile)) / 380
        default: 0
        }
    }
}
