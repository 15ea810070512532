// The English Indices of Deprivation 2019 summary measures for larger areas (technical
// report, section 3.8 and appendix N), applied to any target geography. National ranks run
// from 1 (most deprived) to N; the IoD's own summaries reverse them (N + 1 - rank) so that a
// higher score means more deprived, and so do these.
extension Aggregation {
    /// `average-rank`: the population-weighted mean of the reversed national ranks.
    ///
    ///     value = Σ (pᵢ wᵢ)(N + 1 - rᵢ) / Σ (pᵢ wᵢ)                   (none when Σ pᵢ wᵢ = 0)
    ///
    /// with pᵢ the population, wᵢ the lookup weight, rᵢ the national rank (1 = most deprived)
    /// and N the national count. Higher is more deprived; N means wholly the most deprived area.
    static func averageRank(_ rows: [SmallAreaFigures], nationalCount: Int) -> AreaFigure {
        let (used, missing) = rankedPopulations(rows, nationalCount: nationalCount)
        var total = 0.0
        var weightedSum = 0.0
        for (weight, figures) in used {
            let people = figures.people * weight
            total += people
            weightedSum += people * Double(nationalCount + 1 - figures.rank)
        }
        return AreaFigure(
            value: total > 0 ? weightedSum / total : nil, quality: weightQuality(used),
            smallAreasUsed: used.count, smallAreasMissing: missing)
    }

    /// `extent`: the share of the population living in the most deprived small areas
    /// nationally, weighted by how deprived they are.
    ///
    ///     value = Σ (pᵢ wᵢ) eᵢ / Σ (pᵢ wᵢ)                            (none when Σ pᵢ wᵢ = 0)
    ///     eᵢ    = 1                          for national percentiles 1-10
    ///           = 0.95 - (c - 11) × 0.9 / 19 for percentiles c = 11-30 (0.95 down to 0.05)
    ///           = 0                          beyond
    ///
    /// The percentile is `nationalPercentile(rank:nationalCount:)`.
    static func extent(_ rows: [SmallAreaFigures], nationalCount: Int) -> AreaFigure {
        let (used, missing) = rankedPopulations(rows, nationalCount: nationalCount)
        var total = 0.0
        var weightedSum = 0.0
        for (weight, figures) in used {
            let people = figures.people * weight
            total += people
            weightedSum += people * extentWeight(percentile: nationalPercentile(rank: figures.rank, nationalCount: nationalCount))
        }
        return AreaFigure(
            value: total > 0 ? weightedSum / total : nil, quality: weightQuality(used),
            smallAreasUsed: used.count, smallAreasMissing: missing)
    }

    /// `local-concentration`: the population-weighted mean of the reversed national ranks of
    /// the area's most deprived small areas that together hold exactly 10% of its population.
    ///
    ///     P     = Σ pᵢ wᵢ,  T = 0.1 P
    ///     take the small areas from most to least deprived (by national rank, then code),
    ///     each with qᵢ = min(pᵢ wᵢ, T - people taken so before), until T people are taken
    ///     value = Σ qᵢ (N + 1 - rᵢ) / T                               (none when P = 0)
    ///
    /// The small area that crosses the 10% line counts with just the part of its population
    /// needed to reach exactly 10%, as the IoD's "exactly 10 per cent" requires.
    static func localConcentration(_ rows: [SmallAreaFigures], nationalCount: Int) -> AreaFigure {
        let (used, missing) = rankedPopulations(rows, nationalCount: nationalCount)
        let quality = weightQuality(used)
        let total = used.reduce(0.0) { $0 + $1.figures.people * $1.weight }
        guard total > 0 else {
            return AreaFigure(value: nil, quality: quality, smallAreasUsed: used.count, smallAreasMissing: missing)
        }
        let target = total / 10
        let mostDeprivedFirst = used.sorted {
            ($0.figures.rank, $0.figures.code) < ($1.figures.rank, $1.figures.code)
        }
        var remaining = target
        var weightedSum = 0.0
        for (weight, figures) in mostDeprivedFirst where remaining > 0 {
            let taken = min(figures.people * weight, remaining)
            weightedSum += taken * Double(nationalCount + 1 - figures.rank)
            remaining -= taken
        }
        return AreaFigure(
            value: weightedSum / target, quality: quality, smallAreasUsed: used.count, smallAreasMissing: missing)
    }

    /// `share-in-most-deprived-decile`: the proportion of the area's small areas that lie in
    /// the most deprived 10% nationally, each small area counted by its lookup weight.
    ///
    ///     value = Σ wᵢ dᵢ / Σ wᵢ
    ///     dᵢ    = 1 when the national decile is 1 (or, with only a rank, when 10 rᵢ <= N), else 0
    ///
    /// A decile, when given, is taken as published; a rank alone is placed by the IoD's decile
    /// rule (`isInMostDeprivedDecile(rank:nationalCount:)`).
    static func shareInMostDeprivedDecile(_ rows: [SmallAreaFigures], _ parameters: AggregationParameters) -> AreaFigure {
        let (used, missing) = usable(rows) { row -> Bool? in
            if let decile = row.decile { return decile == 1 }
            guard row.nationalRank != nil else { return nil }
            guard let nationalCount = parameters.nationalCount, nationalCount > 0 else {
                preconditionFailure("share-in-most-deprived-decile needs the national count of small areas to read a rank (AggregationParameters.nationalCount)")
            }
            return row.rank(outOf: nationalCount).map { isInMostDeprivedDecile(rank: $0, nationalCount: nationalCount) }
        }
        var total = 0.0
        var inDecile = 0.0
        for (weight, isMostDeprived) in used {
            total += weight
            if isMostDeprived { inDecile += weight }
        }
        return AreaFigure(
            value: total > 0 ? inDecile / total : nil, quality: weightQuality(used),
            smallAreasUsed: used.count, smallAreasMissing: missing)
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

    /// The rows with a population and a national rank in range, with the small area's code
    /// (for a deterministic order between equal ranks).
    private static func rankedPopulations(
        _ rows: [SmallAreaFigures], nationalCount: Int
    ) -> (used: [(weight: Double, figures: (people: Double, rank: Int, code: String))], missing: Int) {
        usable(rows) { row -> (people: Double, rank: Int, code: String)? in
            guard let people = row.people, let rank = row.rank(outOf: nationalCount) else { return nil }
            return (people, rank, row.code)
        }
    }
}
