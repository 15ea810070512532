/// The county's own figure on an indicator, from the figures of all of a release's areas,
/// by the same method over the whole county: what each area is compared with.
///
/// - a rate: the summed numerators over the summed denominators, times the multiplier
///   (rates are never averaged);
/// - any other figure: the mean of the areas' figures weighted by their populations.
///
/// Areas without a figure (or, for the mean, without a population) are left out; no area
/// left, no county figure. Sums beyond the range of a double give an infinite or NaN
/// figure, for the caller to refuse: never a figure quietly left out.
package enum CountyFigure {
    /// `Σ numerator / Σ denominator × multiplier` over the areas that have both.
    package static func rate(numerators: [Double?], denominators: [Double?], multiplier: Double) -> Double? {
        precondition(numerators.count == denominators.count, "a denominator for every numerator")
        var (cases, total) = (0.0, 0.0)
        for (numerator, denominator) in zip(numerators, denominators) {
            guard let numerator, let denominator else { continue }
            cases += numerator
            total += denominator
        }
        guard total > 0 else { return nil }
        return cases / total * multiplier
    }

    /// `Σ pᵢ vᵢ / Σ pᵢ` over the areas with a figure and a positive population.
    package static func populationWeightedMean(values: [Double?], populations: [Double?]) -> Double? {
        precondition(values.count == populations.count, "a population for every value")
        var (weighted, total) = (0.0, 0.0)
        for (value, population) in zip(values, populations) {
            guard let value, let population, population > 0 else { continue }
            weighted += value * population
            total += population
        }
        guard total > 0 else { return nil }
        return weighted / total
    }
}
