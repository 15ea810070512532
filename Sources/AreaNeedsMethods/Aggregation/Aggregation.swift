/// Combines the figures of an area's small areas into the area's figure, by the indicator's
/// aggregation method. The caller groups small-area rows by target area and calls once per area.
public enum Aggregation {
    /// The figure for one target area from the rows of its small areas.
    ///
    /// A row that lacks a figure the method needs (absent, not finite, or out of range: a
    /// negative count or population, a weight outside 0 < w <= 1, a rank outside
    /// 1...nationalCount, a decile outside 1...10) is left out and counted in
    /// `smallAreasMissing`; it is never read as zero. The formulas are on each method below
    /// and in the README's Methods section.
    ///
    /// - Precondition: `parameters.nationalCount` is set (and positive) for `average-rank`,
    ///   `extent` and `local-concentration`, and for `share-in-most-deprived-decile` when a row
    ///   gives a rank but no decile. It is configuration, checked before any data is read.
    public static func aggregate(
        _ rows: [SmallAreaFigures], method: AggregationMethod, parameters: AggregationParameters = AggregationParameters()
    ) -> AreaFigure {
        switch method {
        case .rate:
            return rate(rows, parameters)
        case .weightedMean:
            return populationWeightedMean(rows, quality: nil)
        case .median:
            return populationWeightedMean(rows, quality: .approximate)
        case .inherit:
            return inherit(rows)
        case .averageRank:
            return averageRank(rows, nationalCount: nationalCount(parameters, for: method))
        case .extent:
            return extent(rows, nationalCount: nationalCount(parameters, for: method))
        case .localConcentration:
            return localConcentration(rows, nationalCount: nationalCount(parameters, for: method))
        case .shareInMostDeprivedDecile:
            return shareInMostDeprivedDecile(rows, parameters)
        }
    }

    /// `rate`: sums, then divides; rates are never averaged.
    ///
    ///     numerator   = Σ wᵢ xᵢ
    ///     denominator = Σ wᵢ nᵢ
    ///     value       = numerator / denominator × multiplier        (none when denominator = 0)
    ///     interval    = Wilson(numerator, denominator) × multiplier (when 0 <= numerator <= denominator)
    ///
    /// with wᵢ the lookup weight, xᵢ and nᵢ the small area's numerator and denominator.
    private static func rate(_ rows: [SmallAreaFigures], _ parameters: AggregationParameters) -> AreaFigure {
        let (used, missing) = usable(rows) { row -> (x: Double, n: Double)? in
            guard let x = row.count, let n = row.countAtRisk else { return nil }
            return (x, n)
        }
        let quality = weightQuality(used)
        guard !used.isEmpty else {
            return AreaFigure(value: nil, quality: quality, smallAreasUsed: 0, smallAreasMissing: missing)
        }
        var numerator = 0.0
        var denominator = 0.0
        for (weight, figures) in used {
            numerator += weight * figures.x
            denominator += weight * figures.n
        }
        let value = denominator > 0 ? numerator / denominator * parameters.multiplier : nil
        let interval = WilsonInterval(numerator: numerator, denominator: denominator, confidence: parameters.confidence)
        return AreaFigure(
            value: value, numerator: numerator, denominator: denominator,
            interval: interval?.scaled(by: parameters.multiplier), quality: quality,
            smallAreasUsed: used.count, smallAreasMissing: missing)
    }

    /// `weighted-mean`, and `median` (flagged approximate): the population-weighted mean.
    ///
    ///     value = Σ (pᵢ wᵢ) vᵢ / Σ (pᵢ wᵢ)                           (none when Σ pᵢ wᵢ = 0)
    ///
    /// with pᵢ the population, wᵢ the lookup weight and vᵢ the value. Medians cannot be
    /// combined exactly, so for `median` this is an approximation of the area's median.
    private static func populationWeightedMean(_ rows: [SmallAreaFigures], quality fixed: Quality?) -> AreaFigure {
        let (used, missing) = usable(rows) { row -> (value: Double, people: Double)? in
            guard let value = row.finiteValue, let people = row.people else { return nil }
            return (value, people)
        }
        var total = 0.0
        var weightedSum = 0.0
        for (weight, figures) in used {
            let people = figures.people * weight
            total += people
            weightedSum += people * figures.value
        }
        return AreaFigure(
            value: total > 0 ? weightedSum / total : nil, quality: fixed ?? weightQuality(used),
            smallAreasUsed: used.count, smallAreasMissing: missing)
    }

    /// `inherit`: the district's figure copied, flagged inherited.
    ///
    ///     value = v (the district's value)
    ///
    /// The rows are the district's figure; the same figure given more than once (say once per
    /// small area of the district) is still one figure. Rows that disagree leave no value,
    /// since there is no one figure to copy. Lookup weights play no part: a district figure
    /// describes all of the district.
    private static func inherit(_ rows: [SmallAreaFigures]) -> AreaFigure {
        let values = rows.compactMap(\.finiteValue)
        let missing = rows.count - values.count
        let value = values.first.flatMap { first in values.allSatisfy { $0 == first } ? first : nil }
        return AreaFigure(value: value, quality: .inherited, smallAreasUsed: values.count, smallAreasMissing: missing)
    }

    // MARK: Shared steps

    /// The rows whose weight is a share and whose figures `read` finds, with the weight beside
    /// the figures; and the count of the rest.
    static func usable<Figures>(
        _ rows: [SmallAreaFigures], _ read: (SmallAreaFigures) -> Figures?
    ) -> (used: [(weight: Double, figures: Figures)], missing: Int) {
        var used: [(weight: Double, figures: Figures)] = []
        used.reserveCapacity(rows.count)
        for row in rows {
            guard let weight = row.share, let figures = read(row) else { continue }
            used.append((weight, figures))
        }
        return (used, rows.count - used.count)
    }

    /// Apportioned when any row that contributed is a part of a split small area, else exact.
    static func weightQuality<Figures>(_ used: [(weight: Double, figures: Figures)]) -> Quality {
        used.contains { $0.weight < 1 } ? .apportioned : .exact
    }

    /// The national count a rank method needs; its absence is a configuration error.
    private static func nationalCount(_ parameters: AggregationParameters, for method: AggregationMethod) -> Int {
        guard let count = parameters.nationalCount, count > 0 else {
            preconditionFailure("\(method.rawValue) needs the national count of small areas (AggregationParameters.nationalCount)")
        }
        return count
    }
}
