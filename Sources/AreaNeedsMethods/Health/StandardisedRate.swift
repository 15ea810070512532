/// A directly standardised rate for an area from its events and person-years by age band,
/// exactly as PHEindicatormethods' `calculate_dsr` computes it: Dobson et al.'s interval, with
/// Byar's limits for the total count, and no value below 10 events.
///
/// With xᵢ events and nᵢ person-years in band i, wᵢ the standard population's weight,
/// X = Σ xᵢ and m the multiplier (100,000 for a rate per 100,000):
///
///     DSR    = Σ (xᵢwᵢ / nᵢ) / Σ wᵢ × m
///     Var    = Σ xᵢ(wᵢ / nᵢ)² / (Σ wᵢ)²
///     lower  = DSR + √(Var / X) (Byar_lower(X) - X) m
///     upper  = DSR + √(Var / X) (Byar_upper(X) - X) m
///
/// Rules, in order: a band with no row (bad input); person-years of zero in a band (the
/// package stops: "denominators must all be greater than zero"); fewer than 10 events in all
/// (value and interval suppressed). Negative counts are refused row by row.
package enum StandardisedRate {
    /// The fewest events `calculate_dsr` gives a rate for.
    package static let fewestEvents = 10.0

    /// The area's rate per `multiplier` standardised to `standard`, with its interval at the
    /// given confidence.
    ///
    /// - Precondition: `standard.scheme` is the scheme of `counts` (the stage checks the
    ///   standard population against the age bands before reading data).
    package static func figure(
        _ counts: AgeBandAccumulator, standard: StandardPopulation, multiplier: Double = 100_000, confidence: Double = 0.95
    ) -> HealthFigure {
        precondition(standard.scheme == counts.scheme, "the standard population's age bands are not the data's")
        let totalEvents = counts.events.reduce(0, +)
        let totalPopulation = counts.population.reduce(0, +)
        func suppressed(_ reason: HealthSuppression) -> HealthFigure {
            HealthFigure(value: nil, interval: nil, suppression: reason, events: totalEvents, population: totalPopulation, quality: counts.quality)
        }
        if let band = counts.firstBandNotCounted { return suppressed(.bandMissing(band)) }
        if let band = counts.population.firstIndex(where: { $0 <= 0 }) { return suppressed(.populationNotPositive(counts.scheme.band(band))) }
        if totalEvents < fewestEvents { return suppressed(.fewerThan10Events(totalEvents)) }

        var weightedRates = 0.0, squaredWeightedRates = 0.0, standardTotal = 0.0
        for band in 0..<counts.scheme.count {
            let x = counts.events[band], n = counts.population[band], w = standard.weights[band]
            weightedRates += x * w / n
            let ratio = w / n
            squaredWeightedRates += x * (ratio * ratio)
            standardTotal += w
        }
        let value = weightedRates / standardTotal * multiplier
        let variance = 1 / (standardTotal * standardTotal) * squaredWeightedRates
        let spread = (variance / totalEvents).squareRoot()
        var interval: ConfidenceInterval?
        if let lower = ByarsLimits.lower(totalEvents, confidence: confidence),
           let upper = ByarsLimits.upper(totalEvents, confidence: confidence) {
            interval = ConfidenceInterval(
                lower: value + spread * (lower - totalEvents) * multiplier,
                upper: value + spread * (upper - totalEvents) * multiplier)
        }
        return HealthFigure(
            value: value, interval: interval, suppression: nil, events: totalEvents, population: totalPopulation, quality: counts.quality)
    }
}
